import { testParley } from './testing';
import { seedExampleBots } from './seed';
const p = testParley({}, { PARLEY_DB: process.env.DB ?? ':memory:' });
await seedExampleBots(p.deps);
const answers = ['hi', 'dry', 'matte', 'under 30'];
const N = 60000;
let t0 = performance.now();
let counter = 0;
async function worker() {
  while (counter < N) {
    const i = counter++;
    const conv = i % 2000; const turn = Math.floor(i / 2000) % 4;
    const r = await p.deps.pipeline.receive({ botId: 'quiz-bench', channel: 'web', externalKey: 'c' + conv }, { kind: 'text', text: answers[turn]! });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
}
await Promise.all(Array.from({ length: 32 }, worker));
const ms = performance.now() - t0;
console.log('pipeline only:', (N / ms * 1000).toFixed(0), 'turns/s');
p.close();
