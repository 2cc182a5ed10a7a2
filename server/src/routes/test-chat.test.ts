import { afterEach, describe, expect, it } from 'vitest';
import { conversations, payments, handoffs } from '../db/schema';
import { type TestParley, testParley } from '../testing';

let parley: TestParley;
afterEach(() => parley.close());

const node = (id: string, type: string, data: Record<string, unknown> = {}, x = 0) => ({ id, type, position: { x, y: 0 }, data });
const flowOf = (nodes: unknown[], edges: [string, string | null, string][]) => ({
  schemaVersion: 1,
  id: 'x',
  name: 'x',
  nodes,
  edges: edges.map(([source, sourceHandle, target], i) => ({ id: `e${i}`, source, sourceHandle, target })),
});

const skinFlow = flowOf(
  [
    node('start', 'start'),
    node('ask', 'buttons', { text: 'Skin type?', saveAs: 'skin', buttons: [{ id: 'dry', title: 'Dry' }, { id: 'oily', title: 'Oily' }] }),
    node('thanks', 'message', { text: '{{skin}} it is.' }),
  ],
  [
    ['start', null, 'ask'],
    ['ask', 'dry', 'thanks'],
  ],
);

async function botWith(flow: unknown, options: Parameters<typeof testParley>[0] = {}) {
  parley = testParley(options);
  const created = await parley.request('POST', '/api/bots', { id: 'shop', name: 'Shop', flow });
  expect(created.status).toBe(201);
}

async function send(body: Record<string, unknown>, botId = 'shop') {
  const response = await parley.request('POST', `/api/bots/${botId}/test-chat`, body);
  return { status: response.status, body: await response.json() };
}

describe('POST /api/bots/:id/test-chat', () => {
  it('runs the unpublished draft through the engine, keeping the session per test conversation', async () => {
    await botWith(skinFlow);
    const first = await send({ message: { kind: 'text', text: 'hi' } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      replies: [{ type: 'buttons', text: 'Skin type?', buttons: [{ title: 'Dry', payload: 'dry' }, { title: 'Oily', payload: 'oily' }] }],
      path: ['start', 'ask'],
      session: { status: 'active', waitingAt: 'ask', vars: {} },
      onDraft: true,
      pending: [],
    });
    const chatId = first.body.chatId;
    expect(chatId).toMatch(/^chat_/);

    const second = await send({ chatId, message: { kind: 'postback', payload: 'dry', title: 'Dry' } });
    expect(second.body.replies).toEqual([{ type: 'text', text: 'Dry it is.' }]);
    expect(second.body.path).toEqual(['ask', 'thanks']);
    expect(second.body.session).toMatchObject({ status: 'ended', vars: { skin: 'Dry' } });
    expect(second.body.events.map((e: { type: string }) => e.type)).toContain('session.ended');

    // Another test conversation starts on its own; nothing of either is stored as a real conversation.
    const other = await send({ message: { kind: 'text', text: 'hi' } });
    expect(other.body.chatId).not.toBe(chatId);
    expect(parley.deps.store.db.select().from(conversations).all()).toEqual([]);
  });

  it('runs the flow sent with the message (the canvas before it is saved), named after the bot', async () => {
    await botWith(skinFlow);
    const canvas = flowOf([node('start', 'start'), node('hello', 'message', { text: 'Unsaved hello' })], [['start', null, 'hello']]);
    const answer = await send({ flow: canvas, message: { kind: 'text', text: 'hi' } });
    expect(answer.body.replies).toEqual([{ type: 'text', text: 'Unsaved hello' }]);
    expect(answer.body.path).toEqual(['start', 'hello']);
  });

  it('restarts a test conversation on DELETE', async () => {
    await botWith(skinFlow);
    const { body } = await send({ chatId: 'mine', message: { kind: 'text', text: 'hi' } });
    expect(body.session.waitingAt).toBe('ask');
    const deleted = await parley.request('DELETE', '/api/bots/shop/test-chat/mine');
    expect(await deleted.json()).toEqual({ deleted: true });
    // A typed "Dry" would have answered the waiting question; after the restart it starts over.
    const again = await send({ chatId: 'mine', message: { kind: 'text', text: 'Dry' } });
    expect(again.body.path).toEqual(['start', 'ask']);
  });

  it('lets the author pay a test payment: no payment is created, the flow continues on "paid"', async () => {
    await botWith(
      flowOf(
        [node('start', 'start'), node('pay', 'payment', { source: 'amount', amount: '12.5', currency: 'EUR', description: 'Deposit' }), node('ok', 'message', { text: 'Paid {{payment.price}}' })],
        [
          ['start', null, 'pay'],
          ['pay', 'paid', 'ok'],
        ],
      ),
    );
    const first = await send({ chatId: 'p', message: { kind: 'text', text: 'hi' } });
    expect(first.body.replies).toEqual([expect.objectContaining({ type: 'payment', amount: 12.5, currency: 'EUR', testMode: true })]);
    expect(first.body.pending).toEqual([expect.objectContaining({ kind: 'payment', amount: 12.5, currency: 'EUR', description: 'Deposit' })]);
    const paymentId = first.body.pending[0].paymentId;
    expect(first.body.replies[0].paymentId).toBe(paymentId);

    const paid = await send({ chatId: 'p', message: { kind: 'payment', paymentId, status: 'paid' } });
    expect(paid.body.replies).toEqual([{ type: 'text', text: 'Paid €12.50' }]);
    expect(paid.body.pending).toEqual([]);
    expect(parley.deps.store.db.select().from(payments).all()).toEqual([]);
  });

  it('hands off without an inbox and continues on "released" when the author releases', async () => {
    await botWith(
      flowOf(
        [node('start', 'start'), node('human', 'handoff', { text: 'A person will answer.' }), node('back', 'message', { text: 'Back with the bot' })],
        [
          ['start', null, 'human'],
          ['human', 'released', 'back'],
        ],
      ),
    );
    const first = await send({ chatId: 'h', message: { kind: 'text', text: 'help' } });
    expect(first.body.replies).toContainEqual(expect.objectContaining({ type: 'handoff' }));
    expect(first.body.pending).toEqual([{ kind: 'handoff', queue: 'support' }]);
    // While a person has it, the bot stays quiet.
    const quiet = await send({ chatId: 'h', message: { kind: 'text', text: 'hello?' } });
    expect(quiet.body.replies).toEqual([]);
    const released = await send({ chatId: 'h', message: { kind: 'released' } });
    expect(released.body.replies).toEqual([{ type: 'text', text: 'Back with the bot' }]);
    expect(parley.deps.store.db.select().from(handoffs).all()).toEqual([]);
  });

  it("makes HTTP calls for real, through the server's fetch", async () => {
    const calls: string[] = [];
    const fetcher: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ rooms: 3 }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    await botWith(
      flowOf(
        [
          node('start', 'start'),
          node('call', 'http', { url: 'http://hotel.test/rooms', mappings: [{ path: 'rooms', variable: 'rooms' }] }),
          node('say', 'message', { text: '{{rooms}} rooms left' }),
        ],
        [
          ['start', null, 'call'],
          ['call', 'ok', 'say'],
        ],
      ),
      { fetch: fetcher },
    );
    const answer = await send({ message: { kind: 'text', text: 'rooms?' } });
    expect(calls).toEqual(['http://hotel.test/rooms']);
    expect(answer.body.replies).toEqual([{ type: 'text', text: '3 rooms left' }]);
    expect(answer.body.path).toEqual(['start', 'call', 'say']);
  });

  it('refuses a flow that cannot run with 422 and its problems, and bad input with 400', async () => {
    await botWith(skinFlow);
    const broken = await send({ flow: flowOf([node('hello', 'message', { text: 'no start' })], []), message: { kind: 'text', text: 'hi' } });
    expect(broken.status).toBe(422);
    expect(broken.body.error).toMatchObject({ code: 'flow_not_runnable', message: expect.stringContaining('no Start node') });
    expect(broken.body.error.details[0]).toMatchObject({ code: 'no-start' });

    const invalid = await send({ message: { kind: 'effect', effectId: 'x', ok: true } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid_input');
    const badId = await send({ chatId: 'no spaces', message: { kind: 'text', text: 'hi' } });
    expect(badId.body.error.field).toBe('chatId');
    const notJson = await send({ flow: { nodes: 'x' }, message: { kind: 'text', text: 'hi' } });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_flow');
    expect((await send({ message: { kind: 'text', text: 'hi' } }, 'nobody')).status).toBe(404);
  });
});
