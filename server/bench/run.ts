/**
 * `pnpm bench`: Parley against the peer servers of ../shared/bench, same load, same machine, one run.
 * Parley serves the `quiz-bench` example (the peers' quiz drawn as a flow) over the web channel with
 * SQLite: every turn's session, transcript and events durable before its reply.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.resolve(root, '../shared/bench/run-peers.sh');
if (!fs.existsSync(script)) {
  process.stderr.write(`The peer benchmark is not at ${script}; it lives in shared/bench beside the project.\n`);
  process.exit(2);
}
const port = Number(process.env.BENCH_PORT ?? 3111);
const db = path.join(process.env.TMPDIR ?? '/tmp', 'parley-bench.db');
for (const file of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(file, { force: true });
// run-peers.sh runs this with `exec`, so it must be one command: variables, then the server.
const command = [
  `env PORT=${port} HOST=127.0.0.1 PARLEY_DB=${db} PARLEY_LOG=error PARLEY_ADMIN_TOKEN=bench-admin-token-000000`,
  `PARLEY_EDITOR_DIR=${path.join(root, 'editor/dist')}`,
  `node ${path.join(root, 'server/dist/parley.mjs')} start`,
].join(' ');

const run = spawnSync('bash', [script], {
  cwd: root,
  env: { ...process.env, PARLEY_URL: `http://127.0.0.1:${port}/webhooks/web/quiz-bench`, PARLEY_CMD: command },
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
process.stdout.write(run.stdout);
if (run.status !== 0) process.exit(run.status ?? 1);

interface Line {
  rps: number;
  p50: number;
  p99: number;
}
const toMs = (value: string): number => {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value);
  if (!match) return Number.NaN;
  const n = Number(match[1]);
  return match[2] === 'us' ? n / 1000 : match[2] === 's' ? n * 1000 : n;
};
const lines = new Map<string, Line>();
for (const line of run.stdout.split('\n')) {
  const match = /^(\S+)\s+([\d.]+) req\/s\s+p50\s+(\S+)\s+p99\s+(\S+)/.exec(line);
  if (match?.[1]) lines.set(match[1], { rps: Number(match[2]), p50: toMs(match[3] ?? ''), p99: toMs(match[4] ?? '') });
}
const parley = lines.get('parley');
const ceiling = lines.get('hono-limit-sqlite-batch');
if (parley && ceiling) {
  const share = (100 * parley.rps) / ceiling.rps;
  const p99Ratio = parley.p99 / ceiling.p99;
  process.stdout.write(
    `\nParley: ${parley.rps.toFixed(0)} turns/s, p50 ${parley.p50.toFixed(2)} ms, p99 ${parley.p99.toFixed(2)} ms\n` +
      `vs group-commit Hono: ${share.toFixed(1)}% of its turns/s (target ≥ 80%), p99 ${p99Ratio.toFixed(2)}× (target ≤ 2×)\n`,
  );
}
