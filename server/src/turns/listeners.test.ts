import { expect, it } from 'vitest';
import { createBot, publishBot } from '../bots/service';
import { testParley } from '../testing';
import { type TurnListener, withTurnListeners } from './listeners';

const flow = {
  schemaVersion: 2,
  id: 'echo',
  name: 'Echo',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'ask', type: 'buttons', position: { x: 250, y: 0 }, data: { text: 'Yes or no?', buttons: [{ id: 'yes', title: 'Yes' }] } },
  ],
  edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' }],
};

it('tells every listener of each committed turn, in order, and of nothing that failed', async () => {
  const parley = testParley();
  expect(createBot(parley.deps, { id: 'echo', name: 'Echo', flow }).ok).toBe(true);
  expect(publishBot(parley.deps, 'echo', {}).ok).toBe(true);
  const heard: string[] = [];
  const listener = (name: string): TurnListener => ({
    received: (address, inbound, outcome) => heard.push(`${name} received ${address.externalKey} ${inbound.kind} duplicate=${outcome.duplicate}`),
    delivered: (conversationId, inbound) => heard.push(`${name} delivered ${conversationId === conversation ? 'ana' : conversationId} ${inbound.kind}`),
    notified: (conversationId) => heard.push(`${name} notified ${conversationId === conversation ? 'ana' : conversationId}`),
  });
  const pipeline = withTurnListeners(parley.deps.pipeline, [listener('first'), { received: listener('second').received }]);
  const address = { botId: 'echo', channel: 'web', externalKey: 'ana' };

  const hello = await pipeline.receive(address, { kind: 'text', text: 'hi' }, 'm1');
  if (!hello.ok) throw new Error(hello.error.message);
  const conversation = hello.value.conversationId;
  await pipeline.receive(address, { kind: 'text', text: 'hi' }, 'm1');
  expect((await pipeline.receive({ ...address, botId: 'nobody' }, { kind: 'text', text: 'hi' })).ok).toBe(false);
  expect((await pipeline.deliver(conversation, { kind: 'timer', timerId: 't1', data: null })).ok).toBe(true);
  expect((await pipeline.notify(conversation, [{ type: 'text', text: 'Back in stock' }], { reason: 'restock' })).ok).toBe(true);
  expect((await pipeline.deliver('conv_unknown', { kind: 'timer', timerId: 't2', data: null })).ok).toBe(false);

  expect(heard).toEqual([
    'first received ana text duplicate=false',
    'second received ana text duplicate=false',
    'first received ana text duplicate=true',
    'second received ana text duplicate=true',
    'first delivered ana timer',
    'first notified ana',
  ]);
  await parley.close();
});
