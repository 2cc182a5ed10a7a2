/**
 * `pnpm bench`: Parley against the peer servers of ../shared/bench, same load, same machine, each run
 * measuring all of them one after another. Three runs by default (`BENCH_RUNS` to change), then each
 * run's share of the group-commit peer and their median: on this shared VM one run moves by up to 40%
 * for any server (docs/architecture.md, Throughput), so the verdict is the median's; every run's own
 * figures are printed as well.
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
const runs = Math.max(1, Math.floor(Number(process.env.BENCH_RUNS ?? 3)) || 1);
// run-peers.sh runs this with `exec`, so it must be one command: variables, then the server.
const command = [
  `env PORT=${port} HOST=127.0.0.1 PARLEY_DB=${db} PARLEY_LOG=error PARLEY_ADMIN_TOKEN=bench-admin-token-000000`,
  `PARLEY_EDITOR_DIR=${path.join(root, 'editor/dist')}`,
  `node ${path.join(root, 'server/dist/parley.mjs')} start`,
].join(' ');

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

/** One side-by-side run of every peer and Parley; answers Parley's share of the group-commit peer's turns/s. */
function runOnce(): { share: number; p99Ratio: number } | undefined {
  for (const file of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(file, { force: true });
  const run = spawnSync('bash', [script], {
    cwd: root,
    env: { ...process.env, PARLEY_URL: `http://127.0.0.1:${port}/webhooks/web/quiz-bench`, PARLEY_CMD: command },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(run.stdout);
  if (run.status !== 0) process.exit(run.status ?? 1);
  const lines = new Map<string, Line>();
  for (const line of run.stdout.split('\n')) {
    const match = /^(\S+)\s+([\d.]+) req\/s\s+p50\s+(\S+)\s+p99\s+(\S+)/.exec(line);
    if (match?.[1]) lines.set(match[1], { rps: Number(match[2]), p50: toMs(match[3] ?? ''), p99: toMs(match[4] ?? '') });
  }
  const parley = lines.get('parley');
  const ceiling = lines.get('hono-limit-sqlite-batch');
  if (!parley || !ceiling) return undefined;
  const share = (100 * parley.rps) / ceiling.rps;
  const p99Ratio = parley.p99 / ceiling.p99;
  process.stdout.write(
    `\nParley: ${parley.rps.toFixed(0)} turns/s, p50 ${parley.p50.toFixed(2)} ms, p99 ${parley.p99.toFixed(2)} ms\n` +
      `vs group-commit Hono: ${share.toFixed(1)}% of its turns/s (target ≥ 80%), p99 ${p99Ratio.toFixed(2)}× (target ≤ 2×)\n`,
  );
  return { share, p99Ratio };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
};

const results: { share: number; p99Ratio: number }[] = [];
for (let i = 0; i < runs; i++) {
  if (runs > 1) process.stdout.write(`\n== run ${i + 1} of ${runs}\n`);
  const result = runOnce();
  if (result) results.push(result);
}
if (results.length > 1) {
  const shares = results.map((r) => r.share);
  const share = median(shares);
  const p99Ratio = median(results.map((r) => r.p99Ratio));
  process.stdout.write(
    `\n${results.length} runs: ${shares.map((s) => `${s.toFixed(1)}%`).join(', ')} of the group-commit peer's turns/s; ` +
      `median ${share.toFixed(1)}%, ${shares.filter((s) => s >= 80).length} of ${results.length} at 80% or more; ` +
      `p99 median ${p99Ratio.toFixed(2)}×\n` +
      `target (median ≥ 80% of its turns/s, p99 ≤ 2×): ${share >= 80 && p99Ratio <= 2 ? 'met' : 'not met'}\n`,
  );
}
