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
