import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { asc } from 'drizzle-orm';
import { afterEach, expect, test } from 'vitest';
import { openStore } from '../db/open';
import { conversations, turns } from '../db/schema';
import { inConversation, isLatestFromCustomer } from './chain';
import { createTurnWriter, emptyWrites } from './writes';

const migrations = path.join(import.meta.dirname, '../../drizzle');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A store as the first release left it: the init migration only, with turns of two conversations interleaved. */
function storeBeforeTheChain(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-chain-'));
  dirs.push(dir);
  const file = path.join(dir, 'p.db');
  const raw = new Database(file);
  for (const statement of fs.readFileSync(path.join(migrations, '0000_init.sql'), 'utf8').split('--> statement-breakpoint')) raw.exec(statement);
  const journal: { entries: { when: number }[] } = JSON.parse(fs.readFileSync(path.join(migrations, 'meta/_journal.json'), 'utf8'));
  raw.exec('create table "__drizzle_migrations" (id integer primary key autoincrement, hash text not null, created_at numeric)');
  raw.prepare('insert into "__drizzle_migrations" (hash, created_at) values (?, ?)').run('init', journal.entries[0]?.when);
  raw.prepare("insert into bots (id, name, draft, created_at, updated_at) values ('b', 'B', '{}', 'now', 'now')").run();
  const conversation = raw.prepare("insert into conversations (id, bot_id, channel, external_key, created_at) values (?, 'b', 'web', ?, 'now')");
  conversation.run('conv-1', 'one');
  conversation.run('conv-2', 'two');
  const turn = raw.prepare("insert into turns (conversation_key, bot_id, channel, kind, inbound, replies, created_at) values (?, 'b', 'web', ?, '{}', '[]', ?)");
  for (const [key, kind, at] of [
    [1, 'text', 't1'],
    [2, 'text', 't2'],
    [1, 'postback', 't3'],
    [1, 'timer', 't4'],
    [2, 'notice', 't5'],
  ] as const)
    turn.run(key, kind, at);
  raw.close();
  return file;
}

test('opening a store from before the chain links its turns: each conversation reads the same turns, the latest first found', () => {
  const store = openStore(storeBeforeTheChain());
  const { db } = store;
  expect(db.select({ key: conversations.key, last: conversations.lastTurnId }).from(conversations).orderBy(asc(conversations.key)).all()).toEqual([
    { key: 1, last: 4 },
    { key: 2, last: 5 },
  ]);
  expect(db.select({ id: turns.id, prev: turns.prevTurnId }).from(turns).orderBy(asc(turns.id)).all()).toEqual([
    { id: 1, prev: null },
    { id: 2, prev: null },
    { id: 3, prev: 1 },
    { id: 4, prev: 3 },
    { id: 5, prev: 2 },
  ]);
  const ids = (where: ReturnType<typeof inConversation>) => db.select({ id: turns.id }).from(turns).where(where).orderBy(asc(turns.id)).all().map((row) => row.id);
  expect(ids(inConversation(1))).toEqual([1, 3, 4]);
  expect(ids(inConversation(2))).toEqual([2, 5]);
  expect(ids(inConversation(1, 1))).toEqual([3, 4]);
  expect(ids(inConversation(1, 4))).toEqual([]);
  // The timer's turn is skipped: the customer last wrote in turn 3.
  expect(ids(isLatestFromCustomer(1))).toEqual([3]);
  expect(ids(isLatestFromCustomer(2))).toEqual([2]);
  // The log's ids are plain rowids now (0002): no AUTOINCREMENT bookkeeping on each turn written.
  const table = store.sqlite.prepare("select sql from sqlite_master where type = 'table' and name = 'turns'").pluck().get();
  expect(String(table)).not.toMatch(/autoincrement/i);
  store.close();
});

test('each turn written joins the head of its conversation, new conversations included', () => {
  const store = openStore(storeBeforeTheChain());
  const write = createTurnWriter(store);
  const turn = (kind: string) => ({ sessionId: null, flowVersionId: null, kind, inbound: '{}', externalId: null, replies: '[]', state: null, createdAt: 'later' });
  write({ ...emptyWrites(), conversation: { key: 1, id: 'conv-1', botId: 'b', channel: 'web', externalKey: 'one' }, turn: turn('notice') });
  const key = write({ ...emptyWrites(), conversation: { key: undefined, id: 'conv-3', botId: 'b', channel: 'web', externalKey: 'three' }, turn: turn('text') });
  write({ ...emptyWrites(), conversation: { key, id: 'conv-3', botId: 'b', channel: 'web', externalKey: 'three' }, turn: turn('text') });
  const ids = (where: ReturnType<typeof inConversation>) => store.db.select({ id: turns.id }).from(turns).where(where).orderBy(asc(turns.id)).all().map((row) => row.id);
  expect(ids(inConversation(1))).toEqual([1, 3, 4, 6]);
  expect(ids(inConversation(key))).toEqual([7, 8]);
  expect(ids(isLatestFromCustomer(1))).toEqual([3]);
  expect(ids(isLatestFromCustomer(key))).toEqual([8]);
  store.close();
});
