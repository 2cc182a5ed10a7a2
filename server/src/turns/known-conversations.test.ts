import { afterEach, expect, test } from 'vitest';
import { type Store, openStore } from '../db/open';
import { conversationKey } from './conversation-cache';
import { createKnownConversations, knownConversations } from './known-conversations';
import { createTurnWriter, emptyWrites } from './writes';

const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function storeWith(conversations: number): Store {
  const store = openStore(':memory:');
  stores.push(store);
  store.sqlite.prepare("insert into bots (id, name, draft, created_at, updated_at) values ('b', 'B', '{}', 'now', 'now')").run();
  const insert = store.sqlite.prepare("insert into conversations (id, bot_id, channel, external_key, created_at) values (?, 'b', 'web', ?, 'now')");
  store.sqlite.transaction(() => {
    for (let i = 0; i < conversations; i++) insert.run(`conv-${i}`, `customer-${i}`);
  })();
  return store;
}

const keyOf = (externalKey: string) => conversationKey({ botId: 'b', channel: 'web', externalKey });
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** The share of keys never stored that the filter still says may exist. */
function falseShare(known: { mayExist(key: string): boolean }, prefix: string, probes = 20_000): number {
  let wrong = 0;
  for (let i = 0; i < probes; i++) if (known.mayExist(keyOf(`${prefix}-${i}`))) wrong++;
  return wrong / probes;
}

test('every stored conversation may exist; almost no other does', () => {
  const known = createKnownConversations(storeWith(1_500));
  for (let i = 0; i < 1_500; i++) expect(known.mayExist(keyOf(`customer-${i}`))).toBe(true);
  expect(falseShare(known, 'stranger')).toBeLessThan(0.01);
  // Same customer on another channel or bot: another conversation.
  expect(known.mayExist(conversationKey({ botId: 'b', channel: 'line', externalKey: 'customer-1' }))).toBe(false);
});

test('a large store is read in chunks; until the last one, every key may exist', async () => {
  const known = createKnownConversations(storeWith(5_000));
  expect(known.mayExist(keyOf('stranger'))).toBe(true);
  for (let i = 0; i < 5; i++) await nextTurn();
  for (let i = 0; i < 5_000; i++) expect(known.mayExist(keyOf(`customer-${i}`))).toBe(true);
  expect(falseShare(known, 'stranger')).toBeLessThan(0.01);
});

test('the turn writer adds each conversation it inserts to the store\'s filter', () => {
  const store = storeWith(0);
  const known = knownConversations(store);
  const write = createTurnWriter(store);
  expect(known.mayExist(keyOf('new-customer'))).toBe(false);
  write({
    ...emptyWrites(),
    conversation: { key: undefined, id: 'conv-new', botId: 'b', channel: 'web', externalKey: 'new-customer' },
    turn: { sessionId: null, flowVersionId: null, kind: 'text', inbound: '{}', externalId: null, replies: '[]', state: null, createdAt: 'now' },
  });
  expect(known.mayExist(keyOf('new-customer'))).toBe(true);
});

test('past the keys it was sized for, it is rebuilt larger and still knows every conversation', async () => {
  const store = storeWith(10);
  const known = createKnownConversations(store);
  // Sized for at least 65,536 keys: these many make it rebuild from the store.
  const added = 70_000;
  for (let i = 0; i < added; i++) known.add(keyOf(`added-${i}`));
  await nextTurn();
  for (let i = 0; i < 10; i++) expect(known.mayExist(keyOf(`customer-${i}`))).toBe(true);
  // Keys added without rows (as a write that failed after adding) are forgotten by a rebuild: they cost nothing.
  expect(falseShare(known, 'stranger')).toBeLessThan(0.01);
  known.add(keyOf('after-rebuild'));
  expect(known.mayExist(keyOf('after-rebuild'))).toBe(true);
});

test('while it is full (before its rebuild), a key never stored is still mostly answered "no"', () => {
  const known = createKnownConversations(storeWith(0));
  for (let i = 0; i < 65_000; i++) known.add(keyOf(`added-${i}`));
  for (let i = 0; i < 65_000; i += 97) expect(known.mayExist(keyOf(`added-${i}`))).toBe(true);
  expect(falseShare(known, 'stranger')).toBeLessThan(0.02);
});
