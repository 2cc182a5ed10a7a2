/**
 * In-process cost of one turn (no HTTP): the quiz-bench load driven straight into the turn pipeline,
 * 32 in flight, against a file SQLite store. Prints µs per turn; compare with the peers' quiz logic
 * plus its group-committed upsert, measured the same way.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { startInProcess } from './in-process';

const answers = ['hi', 'dry', 'matte', 'under 30'];
const TURNS = Number(process.env.TURNS ?? 200_000);
const IN_FLIGHT = 32;

async function drive(name: string, turn: (conversationId: string, text: string) => Promise<unknown>) {
  let counter = 0;
  const worker = async () => {
    while (counter < TURNS) {
      counter++;
      const c = counter;
      await turn(`c${c % 10000}`, answers[Math.floor(c / 10000) % 4] ?? 'hi');
    }
  };
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const micros = Number(process.hrtime.bigint() - started) / 1000 / TURNS;
  const used = process.cpuUsage(cpu);
  // CPU time (all threads) steadies the figure on a shared machine, where wall time also counts waiting for a core.
  const cpuMicros = (used.user + used.system) / TURNS;
  console.log(`${name.padEnd(12)} ${micros.toFixed(1)} µs/turn  ${(1e6 / micros).toFixed(0)} turns/s  (CPU ${cpuMicros.toFixed(1)} µs/turn)`);
}

const { parley, dir, close } = await startInProcess();
const { pipeline } = parley.deps;
// Store experiments, run after seeding: BENCH_SQL='drop trigger turns_chain_head' (any SQL, triggers included).
if (process.env.BENCH_SQL) parley.deps.store.sqlite.exec(process.env.BENCH_SQL);
await drive('parley', async (id, text) => {
  const r = await pipeline.receive({ botId: 'quiz-bench', channel: 'web', externalKey: id }, { kind: 'text', text });
  if (!r.ok) throw new Error(r.error.message);
});

if (process.env.PEER_DIR) {
  const require = createRequire(path.join(process.env.PEER_DIR, 'x.js'));
  const { turn } = require('./quiz-logic.js');
  const Database = require('better-sqlite3');
  const db = new Database(path.join(dir, 'peer.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table if not exists sessions (id text primary key, state text not null)');
  const get = db.prepare('select state from sessions where id = ?');
  const put = db.prepare('insert into sessions (id, state) values (?, ?) on conflict(id) do update set state = excluded.state');
  const del = db.prepare('delete from sessions where id = ?');
  const cache = new Map();
  let pending: [string, unknown, () => void][] = [];
  const commit = db.transaction((ws: typeof pending) => { for (const [id, s] of ws) s ? put.run(id, JSON.stringify(s)) : del.run(id); });
  const load = (id: string) => (cache.has(id) ? cache.get(id) : ((r) => (r ? JSON.parse(r.state) : undefined))(get.get(id)));
  const save = (id: string, s: unknown) => { cache.set(id, s ? structuredClone(s) : undefined); return new Promise<void>((ok) => {
    pending.push([id, s, ok]);
    if (pending.length === 1) setImmediate(() => { const ws = pending; pending = []; commit(ws); for (const [wid] of ws) cache.delete(wid); for (const w of ws) w[2](); });
  }); };
  await drive('peer', async (id, text) => {
    const r = turn(load(id), text);
    await save(id, r.session);
    JSON.stringify({ replies: r.replies });
  });
}
const count = (table: string) => parley.deps.store.sqlite.prepare(`select count(*) as n from ${table}`).get();
console.log('rows', count('turns'), count('events'), count('conversations'));
await close();
