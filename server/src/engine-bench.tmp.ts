import fs from 'node:fs';
import { parseFlow, productSchema } from '@parley/shared';
import { builtInNodeTypes, createNodeCatalog, compileFlow, runTurn } from '@parley/runtime';
const raw = JSON.parse(fs.readFileSync('../examples/bots/quiz-bench/flow.json', 'utf8'));
const parsed = parseFlow(raw); if (!parsed.ok) throw new Error('bad');
const compiled = compileFlow(parsed.flow, createNodeCatalog(builtInNodeTypes)); if (!compiled.ok) throw new Error('bad2');
const products = JSON.parse(fs.readFileSync('../examples/bots/quiz-bench/products.json', 'utf8')).map((p: unknown) => productSchema.parse(p));
const answers = ['hi', 'dry', 'matte', 'under 30'];
for (let r = 0; r < 4; r++) {
  const N = 200000; let session: any = null; const t = process.hrtime.bigint(); let bytes = 0;
  for (let i = 0; i < N; i++) {
    const env = { now: new Date(), products, system: { channel: 'web', contact: { id: 'c1' }, conversation: { id: 'conv_x' }, parley: { publicUrl: 'http://x' } } };
    const res = runTurn(compiled.flow, session, { kind: 'text', text: answers[i % 4]! }, env);
    session = res.session;
    if (process.env.STR) bytes += JSON.stringify(res.replies).length + JSON.stringify(session).length;
  }
  console.log('runTurn', (Number(process.hrtime.bigint() - t) / N / 1000).toFixed(2), 'µs', bytes);
}
