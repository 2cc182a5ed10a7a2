import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestParley, testParley } from '../testing';

let parley: TestParley;
const json = async (response: Response | Promise<Response>) => (await response).json();

/** start → hand-off; once released → "Welcome back". */
const handoffFlow = {
  schemaVersion: 1,
  id: 'support',
  name: 'Support',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'human', type: 'handoff', position: { x: 200, y: 0 }, data: { queue: 'support' } },
    { id: 'back', type: 'message', position: { x: 400, y: 0 }, data: { text: 'Welcome back' } },
    { id: 'again', type: 'message', position: { x: 400, y: 200 }, data: { text: 'Starting over' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'human' },
    { id: 'e2', source: 'human', sourceHandle: 'released', target: 'back' },
  ],
};

beforeEach(async () => {
  parley = testParley();
  expect((await parley.request('POST', '/api/bots', { id: 'support', name: 'Support', flow: handoffFlow })).status).toBe(201);
  const published = await parley.request('POST', '/api/bots/support/publish', { note: 'v1' });
  expect(published.status, JSON.stringify(await published.clone().json())).toBe(200);
});
afterEach(() => parley.close());

const say = (conversationId: string, text: string) => json(parley.request('POST', '/webhooks/web/support', { conversationId, text }));

describe('conversations', () => {
  it('lists conversations newest first and shows one with its transcript', async () => {
    await say('first', 'hello');
    await say('second', 'hello');
    const { conversations } = await json(parley.request('GET', '/api/conversations?botId=support&limit=10'));
    expect(conversations.map((c: { externalKey: string }) => c.externalKey)).toEqual(['second', 'first']);
    expect((await json(parley.request('GET', '/api/conversations?limit=1'))).conversations).toHaveLength(1);

    const detail = await json(parley.request('GET', `/api/conversations/${conversations[1].id}`));
    expect(detail.conversation).toMatchObject({ id: conversations[1].id, botId: 'support', status: 'handoff' });
    expect(detail.session).toMatchObject({ state: { status: 'active', silent: true, waitingAt: 'human' } });
    expect(detail.messages[0]).toMatchObject({ direction: 'in', body: { kind: 'text', text: 'hello' } });
    expect(detail.messages[1]).toMatchObject({ direction: 'out', body: { type: 'handoff', queue: 'support' } });
    expect(detail.handoffs).toMatchObject([{ queue: 'support', status: 'waiting' }]);
    expect(Array.isArray(detail.events)).toBe(true);
    expect((await parley.request('GET', '/api/conversations/conv_nope')).status).toBe(404);
  });

  it('releases a conversation in hand-off back to the bot, once', async () => {
    await say('c1', 'I need a person');
    const [conversation] = (await json(parley.request('GET', '/api/conversations?botId=support'))).conversations;
    expect(conversation.status).toBe('handoff');
    // While a person has it, the bot stays silent.
    expect((await say('c1', 'hello?')).replies).toEqual([]);

    const released = await parley.request('POST', `/api/conversations/${conversation.id}/release`, {});
    expect(released.status).toBe(200);
    expect(await released.json()).toEqual({ replies: [{ type: 'text', text: 'Welcome back' }] });
    const detail = await json(parley.request('GET', `/api/conversations/${conversation.id}`));
    expect(detail.conversation.status).toBe('bot');
    expect(detail.handoffs).toMatchObject([{ status: 'resolved', resolvedAt: expect.any(String) }]);

    const twice = await parley.request('POST', `/api/conversations/${conversation.id}/release`, {});
    expect(twice.status).toBe(409);
    expect((await twice.json()).error).toMatchObject({ code: 'not_in_handoff', message: expect.stringContaining('not waiting for a person') });
  });

  it('releases to a chosen node, and refuses a node the flow does not have', async () => {
    await say('c2', 'agent');
    const [conversation] = (await json(parley.request('GET', '/api/conversations?botId=support'))).conversations;
    const unknown = await parley.request('POST', `/api/conversations/${conversation.id}/release`, { nodeId: 'nowhere' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.field).toBe('nodeId');
    const wrongType = await parley.request('POST', `/api/conversations/${conversation.id}/release`, { nodeId: 3 });
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json()).error.field).toBe('nodeId');
    const released = await json(parley.request('POST', `/api/conversations/${conversation.id}/release`, { nodeId: 'again' }));
    expect(released.replies).toEqual([{ type: 'text', text: 'Starting over' }]);
  });

  it('deletes a bot with its conversations, messages and hand-offs', async () => {
    await say('c3', 'hi');
    await parley.request('POST', '/api/bots/support/products', [{ sku: 'A', title: 'A', price: 1, currency: 'USD' }]);
    expect((await parley.request('DELETE', '/api/bots/support')).status).toBe(200);
    const count = (table: string) => Number(parley.deps.store.sqlite.prepare(`select count(*) from ${table}`).pluck().get());
    for (const table of ['bots', 'flow_versions', 'conversations', 'turns', 'events', 'handoffs', 'inbox_events', 'products']) expect(count(table), table).toBe(0);
    expect((await parley.request('POST', '/webhooks/web/support', { conversationId: 'c3', text: 'hi' })).status).toBe(404);
  });
});
