import { expect, test } from 'vitest';
import { createBot, publishBot } from '../bots/service';
import { testParley } from '../testing';

const flow = {
  schemaVersion: 1,
  id: 'echo',
  name: 'Echo',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'ask', type: 'ask', position: { x: 250, y: 0 }, data: { text: 'Your name?', variable: 'name' } },
    { id: 'done', type: 'message', position: { x: 500, y: 0 }, data: { text: 'Thanks {{name}}' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
    { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'done' },
  ],
};

test('two new conversations sending the same message id at once: the first is answered, the other refused, and only the first is stored', async () => {
  const parley = testParley();
  expect(createBot(parley.deps, { id: 'echo', name: 'Echo', flow }).ok).toBe(true);
  expect(publishBot(parley.deps, 'echo', {}).ok).toBe(true);
  // Sent in the same tick, both commit in one group commit, where the store's unique index decides.
  const [ana, bo] = await Promise.all([
    parley.request('POST', '/webhooks/web/echo', { conversationId: 'ana', text: 'hi', messageId: 'same' }),
    parley.request('POST', '/webhooks/web/echo', { conversationId: 'bo', text: 'hi', messageId: 'same' }),
  ]);
  expect(ana.status).toBe(200);
  expect((await ana.json()).replies).toEqual([{ type: 'text', text: 'Your name?' }]);
  expect(bo.status).toBe(409);
  expect(await bo.json()).toMatchObject({ error: { code: 'duplicate_message_id', field: 'messageId' } });
  const { sqlite } = parley.deps.store;
  expect(sqlite.prepare('select external_key as who from conversations').all()).toEqual([{ who: 'ana' }]);
  expect(sqlite.prepare('select count(*) as n from turns').get()).toEqual({ n: 1 });
  // Bo was not stored: the next message starts Bo's conversation afresh, and Ana's goes on.
  const again = await parley.request('POST', '/webhooks/web/echo', { conversationId: 'bo', text: 'hi', messageId: 'bo-1' });
  expect((await again.json()).replies).toEqual([{ type: 'text', text: 'Your name?' }]);
  const next = await parley.request('POST', '/webhooks/web/echo', { conversationId: 'ana', text: 'Ana', messageId: 'ana-2' });
  expect((await next.json()).replies).toEqual([{ type: 'text', text: 'Thanks Ana' }]);
  parley.close();
});
