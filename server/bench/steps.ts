/**
 * `pnpm --filter @parley/server bench:steps`: CPU per turn for each step of the quiz-bench flow, in
 * process (no HTTP), 10,000 customers at a time, 32 in flight, round after round. The first round
 * shows what a cold server pays (V8 compiling each path on first use, new conversations); the later
 * ones, the steady cost of each step. CPU time (all threads) is the steadier figure on a shared machine.
 */
import { startInProcess } from './in-process';

const CUSTOMERS = 10_000;
const IN_FLIGHT = 32;
const ROUNDS = Math.max(3, Number(process.env.ROUNDS ?? 6));
const STEPS = ['hi', 'dry', 'matte', 'under 30'];

const { parley, close } = await startInProcess();
const { pipeline } = parley.deps;

/** Every customer sends `text`; answers µs of CPU per turn. */
async function step(text: string): Promise<number> {
  let next = 0;
  const cpu = process.cpuUsage();
  const customer = async () => {
    while (next < CUSTOMERS) {
      const externalKey = `c${next++}`;
      const answered = await pipeline.receive({ botId: 'quiz-bench', channel: 'web', externalKey }, { kind: 'text', text });
      if (!answered.ok) throw new Error(answered.error.message);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, customer));
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / CUSTOMERS;
}

const perStep = new Map<string, number[]>(STEPS.map((text) => [text, []]));
for (let round = 0; round < ROUNDS; round++) for (const text of STEPS) perStep.get(text)?.push(await step(text));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
console.log(`CPU µs per turn, ${CUSTOMERS} customers per step; round 1 is the new conversations on a cold server`);
for (const [text, rounds] of perStep)
  console.log(`${JSON.stringify(text).padEnd(11)} round 1 ${rounds[0]?.toFixed(1)}  later (median) ${median(rounds.slice(1)).toFixed(1)}  all: ${rounds.map((r) => r.toFixed(0)).join(' ')}`);
await close();
