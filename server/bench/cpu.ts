/**
 * `pnpm run bench:cpu`: CPU time per turn, Parley against the group-commit peer of ../shared/bench,
 * alternating them for several rounds under the same wrk load. On a shared 2-core machine turns/s
 * swing from run to run; CPU per turn (whole process, and the main thread alone) moves much less, so
 * this is the figure to follow while making a turn cheaper. `pnpm bench` stays the reference run.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bench = path.resolve(root, '../shared/bench');
if (!fs.existsSync(path.join(bench, 'run-peers.sh'))) {
  process.stderr.write(`The peer benchmark is not at ${bench}; it lives in shared/bench beside the project.\n`);
  process.exit(2);
}
const rounds = Number(process.env.ROUNDS ?? 3);
const seconds = Number(process.env.SECONDS_PER_RUN ?? 8);
const peers = spawnSync('bash', [path.join(bench, 'peers/setup.sh')], { encoding: 'utf8' }).stdout.trim();
const db = path.join(process.env.TMPDIR ?? '/tmp', 'parley-bench-cpu.db');

interface Server {
  name: string;
  url: string;
  start(): ChildProcess;
}
const servers: Server[] = [
  {
    name: 'peer (group commit)',
    url: 'http://127.0.0.1:3999/webhook',
    start: () => spawn('node', ['hono-limit.mjs'], { cwd: peers, env: { ...process.env, MODE: 'sqlite-batch', DB: `${db}.peer` }, stdio: 'ignore' }),
  },
  {
    name: 'parley',
    url: 'http://127.0.0.1:3112/webhooks/web/quiz-bench',
    start: () =>
      spawn('node', [path.join(root, 'server/dist/parley.mjs'), 'start'], {
        env: { ...process.env, PORT: '3112', HOST: '127.0.0.1', PARLEY_DB: db, PARLEY_LOG: 'error', PARLEY_ADMIN_TOKEN: 'bench-admin-token-000000' },
        stdio: 'ignore',
      }),
  },
];

/** utime + stime of a process (or one of its threads), in clock ticks (1/100 s on Linux). */
function ticks(stat: string): number {
  const fields = fs.readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
}

const wrk = (url: string, duration: number) =>
  spawnSync('wrk', ['-t1', '-c32', `-d${duration}s`, '-s', path.join(bench, 'quiz.lua'), url], { encoding: 'utf8' }).stdout;

async function measure(server: Server) {
  for (const file of [db, `${db}-wal`, `${db}-shm`, `${db}.peer`, `${db}.peer-wal`, `${db}.peer-shm`]) fs.rmSync(file, { force: true });
  const child = server.start();
  try {
    for (let i = 0; i < 60; i++) {
      const up = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"conversationId":"warm","text":"hi"}' }).catch(() => undefined);
      if (up?.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    wrk(server.url, 3);
    const proc = `/proc/${child.pid}/stat`;
    const main = `/proc/${child.pid}/task/${child.pid}/stat`;
    const [p0, m0] = [ticks(proc), ticks(main)];
    const out = wrk(server.url, seconds);
    const [p1, m1] = [ticks(proc), ticks(main)];
    const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? Number.NaN);
    const perTurn = (t: number) => (t * 10_000) / requests;
    return { process: perTurn(p1 - p0), main: perTurn(m1 - m0), rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN) };
  } finally {
    child.kill();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const results = new Map<string, { process: number; main: number; rps: number }[]>(servers.map((s) => [s.name, []]));
for (let round = 1; round <= rounds; round++)
  for (const server of servers) {
    const result = await measure(server);
    results.get(server.name)?.push(result);
    process.stdout.write(`round ${round} ${server.name.padEnd(20)} ${result.process.toFixed(0)} µs/turn (main thread ${result.main.toFixed(0)}), ${result.rps.toFixed(0)} turns/s\n`);
  }
process.stdout.write('\nmedians\n');
for (const [name, list] of results)
  process.stdout.write(
    `${name.padEnd(20)} ${median(list.map((r) => r.process)).toFixed(0)} µs/turn, main thread ${median(list.map((r) => r.main)).toFixed(0)} µs, ${median(list.map((r) => r.rps)).toFixed(0)} turns/s\n`,
  );
