import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { openStore } from '../db/open';
import { isPeopleFree } from '../inbox/people-free';
import { createTurnWriter, emptyWrites } from './writes';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function freshStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-writes-'));
  dirs.push(dir);
  const store = openStore(path.join(dir, 'p.db'));
  store.sqlite.prepare("insert into bots (id, name, draft, created_at, updated_at) values ('b', 'B', '{}', 'now', 'now')").run();
  return store;
}

const turn = { sessionId: 'sess-1', flowVersionId: null, kind: 'text', inbound: '{}', externalId: null, replies: '[]', state: null, createdAt: 'now' };
const handoff = (conversationId: string) => ({
  id: `hof-${conversationId}`,
  botId: 'b',
  conversationId,
  sessionId: 'sess-1',
  queue: 'default',
  priority: 'normal',
  summary: 'Wants a person',
  status: 'waiting' as const,
  createdAt: 'now',
});

test("a new conversation's first write tells the inbox whether people are involved, without a lookup after it", () => {
  const store = freshStore();
  const write = createTurnWriter(store);
  write({ ...emptyWrites(), conversation: { key: undefined, id: 'conv-bot-only', botId: 'b', channel: 'web', externalKey: 'one' }, turn });
  const withPeople = emptyWrites();
  withPeople.handoffs.push(handoff('conv-handed-off'));
  write({ ...withPeople, conversation: { key: undefined, id: 'conv-handed-off', botId: 'b', channel: 'web', externalKey: 'two' }, turn });
  expect(isPeopleFree(store, 'conv-handed-off')).toBe(false);
  // Known from its write, not looked up: a hand-off row slipped in behind the turn writer's back is not seen.
  store.sqlite.prepare("insert into handoffs (id, bot_id, conversation_id, session_id, queue, priority, summary, status, created_at) values ('hof-x', 'b', 'conv-bot-only', 's', 'default', 'normal', 'x', 'waiting', 'now')").run();
  expect(isPeopleFree(store, 'conv-bot-only')).toBe(true);
  store.close();
});

test("a turn refused by the message id's unique index leaves nothing behind, and the batch's other turns stand", () => {
  const store = freshStore();
  const write = createTurnWriter(store);
  const head = (id: string) => store.sqlite.prepare('select last_turn_id as head from conversations where id = ?').get(id);
  const first = write({ ...emptyWrites(), conversation: { key: undefined, id: 'conv-one', botId: 'b', channel: 'web', externalKey: 'one' }, turn: { ...turn, externalId: 'm1' } });
  const before = head('conv-one');
  // As a group commit does: one transaction for several turns, the refused one in the middle.
  store.sqlite.exec('begin immediate');
  write({ ...emptyWrites(), conversation: { key: undefined, id: 'conv-two', botId: 'b', channel: 'web', externalKey: 'two' }, turn });
  expect(() => write({ ...emptyWrites(), conversation: { key: first, id: 'conv-one', botId: 'b', channel: 'web', externalKey: 'one' }, turn: { ...turn, externalId: 'm1' } })).toThrow(
    expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }),
  );
  // The refused statement changed nothing (no turn, the chain's head where it was) and the transaction is still open.
  expect(store.sqlite.inTransaction).toBe(true);
  expect(head('conv-one')).toEqual(before);
  expect(store.sqlite.prepare('select count(*) as n from turns where conversation_key = ?').get(first)).toEqual({ n: 1 });
  store.sqlite.exec('commit');
  expect(store.sqlite.prepare('select count(*) as n from turns').get()).toEqual({ n: 2 });
  expect(head('conv-two')).not.toEqual({ head: null });
  store.close();
});
