import { readFileSync } from 'node:fs';
import { analyzerFor } from './language';
import { buildFaqIndex, rankQuestion } from './search';
const flow = JSON.parse(readFileSync('../examples/bots/hotel-concierge/flow.json', 'utf8'));
const faq = flow.nodes.find((n: any) => n.type === 'faq').data;
const set = JSON.parse(readFileSync('../tests/faq/hotel-questions.json', 'utf8')).questions as { question: string; expected: string | null }[];
const an = analyzerFor('en');
const index = buildFaqIndex(faq.entries.map((e: any) => ({ ...e, alternatives: e.alternatives ?? [] })), an);
for (const q of set) {
  const r = rankQuestion(index, q.question); const c = r.candidates;
  const ok = (c[0]?.id ?? null) === q.expected;
  console.log(`${r.closeness.toFixed(2)} ${ok ? ' ' : 'X'} ${(c[0]?.confidence ?? 0).toFixed(2)} ${String(q.expected).padEnd(15)} ${c.map((x) => `${x.id}:${x.confidence.toFixed(2)}`).join(' ').padEnd(70)} | ${q.question} [${an.terms(q.question).join(' ')}]`);
}
{
  let pos = 0, ok = 0, direct = 0, wrongDirect = 0, negOk = 0, neg = 0;
  const T = Number(process.env.T ?? 0.35), L = Number(process.env.L ?? 0.15);
  for (const q of set) {
    const r = rankQuestion(index, q.question); const c = r.candidates;
    const conf = c[0]?.confidence ?? 0;
    if (q.expected) { pos++; if (c[0]?.id === q.expected) ok++; if (conf >= T) { if (c[0]?.id === q.expected) direct++; else wrongDirect++; } }
    else { neg++; if (conf < L) negOk++; }
  }
  console.log(`top1 ${ok}/${pos}  direct-correct ${direct}  direct-wrong ${wrongDirect}  negatives-clean ${negOk}/${neg}`);
}
