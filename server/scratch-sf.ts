/** Storage floor: synthetic turn rows (the quiz's sizes) written in batches of 32, as group commit does. */
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '/work/main/server/src/db/open';

const dir = fs.mkdtempSync('/tmp/parley-floor-');
const store = openStore(path.join(dir, 'f.db'));
const { sqlite } = store;
sqlite.exec(`insert into bots (id, name, draft, created_at, updated_at) values ('b', 'b', '{}', 'x', 'x')`);
const insConv = sqlite.prepare(`insert into conversations (id, bot_id, channel, external_key, created_at) values (?, 'b', 'web', ?, ?)`);
// As the turn writer: linked to the conversation's chain (the trigger moves its head).
const insTurn = sqlite.prepare(
  `insert into turns (conversation_key, prev_turn_id, session_id, flow_version_id, bot_id, channel, kind, inbound, external_id, replies, state, created_at) values (?, ${process.env.SUBQ ? '(select last_turn_id from conversations where key = ?)' : '?'}, ?, 1, 'b', 'web', 'text', ?, null, ?, ?, ?)`,
);
const inbound = JSON.stringify({ kind: 'text', text: 'matte' });
const replies = JSON.stringify([{ type: 'buttons', text: 'What is your budget?', buttons: [{ title: 'under 30', payload: 'under 30' }, { title: '30 to 60', payload: '30 to 60' }, { title: 'over 60', payload: 'over 60' }] }]);
const state = JSON.stringify({ status: 'active', waitingAt: 'q3', variables: { skin: 'dry', finish: 'matte' }, state: { misses: 0 }, startedAt: '2026-11-25T12:00:00.000Z', silent: false });
const N = Number(process.env.N ?? 200_000);
for (const s of (process.env.BENCH_SQL ?? '').split(';').filter(Boolean)) sqlite.exec(s);
const keys: number[] = [];
const last: number[] = [];
const head = sqlite.prepare('update conversations set last_turn_id = ? where key = ?');
const commit = sqlite.transaction((batch: number[]) => {
  for (const i of batch) {
    const c = i % 10000;
    let key = keys[c];
    if (key === undefined) key = keys[c] = Number(insConv.run(`conv_${c}`, `c${c}`, 'now').lastInsertRowid);
    const id = insTurn.run(key, process.env.SUBQ ? key : last[c] ?? null, `sess_${c}`, inbound, replies, state, '2026-11-25T12:00:00.000Z').lastInsertRowid;
    last[c] = Number(id);
    if (process.env.EXPLICIT) head.run(id, key);
  }
});
const t0 = process.hrtime.bigint();
for (let i = 0; i < N; i += 32) commit.immediate(Array.from({ length: 32 }, (_, j) => i + j));
console.log(`turn rows: ${(Number(process.hrtime.bigint() - t0) / 1000 / N).toFixed(2)} µs/turn`);
store.close();
