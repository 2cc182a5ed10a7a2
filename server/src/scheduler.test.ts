import { describe, expect, it } from 'vitest';
import { createBot, publishBot } from './bots/service';
import { testParley } from './testing';

const flow = {
  schemaVersion: 1,
  id: 'shop',
  name: 'Shop',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'pay', type: 'payment', position: { x: 250, y: 0 }, data: { source: 'amount', amount: '49.90', currency: 'USD', description: 'Gift card', expiresInMinutes: 30 } },
    { id: 'paid', type: 'message', position: { x: 500, y: -100 }, data: { text: 'Thank you, paid!' } },
    { id: 'failed', type: 'message', position: { x: 500, y: 100 }, data: { text: 'Payment {{payment.status}}.' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'pay' },
    { id: 'e2', source: 'pay', sourceHandle: 'paid', target: 'paid' },
    { id: 'e3', source: 'pay', sourceHandle: 'failed', target: 'failed' },
  ],
};

function setUp(now?: () => Date) {
  const parley = testParley(now ? { now } : {});
  expect(createBot(parley.deps, { id: 'shop', name: 'Shop', flow }).ok).toBe(true);
  expect(publishBot(parley.deps, 'shop', {}).ok).toBe(true);
  return parley;
}

const messagesOf = async (parley: ReturnType<typeof setUp>, conversationId: string) =>
  (await (await parley.request('GET', `/webhooks/web/shop/conversations/${conversationId}/messages`)).json()).messages.map(
    (m: { reply: { type: string; text?: string } }) => m.reply.text ?? m.reply.type,
  );

describe('payments and the scheduler', () => {
  it('pays on the test checkout page and continues on the paid port, once', async () => {
    const parley = setUp();
    const { replies } = await (await parley.request('POST', '/webhooks/web/shop', { conversationId: 'ana', text: 'hi' })).json();
    const payment = replies.find((r: { type: string }) => r.type === 'payment');
    expect(payment).toMatchObject({ amount: 49.9, currency: 'USD', testMode: true });
    const path = new URL(payment.url).pathname;
    const page = await (await parley.request('GET', path)).text();
    expect(page).toContain('TEST MODE');
    expect(page).toContain('Gift card');
    expect((await parley.request('POST', `${path}/pay`)).status).toBe(303);
    expect((await parley.request('POST', `${path}/pay`)).status).toBe(303);
    expect(await messagesOf(parley, 'ana')).toEqual(['Tap to pay $49.90', 'Thank you, paid!']);
    expect(parley.deps.store.sqlite.prepare('select status from payments').pluck().get()).toBe('paid');
    parley.close();
  });

  it('expires an unpaid link and continues on the failed port, exactly once', async () => {
    // The link is made an hour ago: by now its 30 minutes are over.
    let clock = new Date(Date.now() - 60 * 60_000);
    const parley = setUp(() => clock);
    await parley.request('POST', '/webhooks/web/shop', { conversationId: 'bo', text: 'hi' });
    clock = new Date();
    await parley.scheduler.tick();
    await parley.scheduler.tick();
    expect(await messagesOf(parley, 'bo')).toEqual(['Tap to pay $49.90', 'Payment expired.']);
    expect(parley.deps.store.sqlite.prepare('select status from payments').pluck().get()).toBe('expired');
    const id = String(parley.deps.store.sqlite.prepare('select id from payments').pluck().get());
    expect(await (await parley.request('GET', `/checkout/${id}`)).text()).toContain('Payment expired');
    parley.close();
  });

  it('settles an expired link whose conversation is gone, so it does not fire forever', async () => {
    let clock = new Date(Date.now() - 60 * 60_000);
    const parley = setUp(() => clock);
    await parley.request('POST', '/webhooks/web/shop', { conversationId: 'cy', text: 'hi' });
    clock = new Date();
    parley.deps.store.sqlite.prepare('delete from conversations').run();
    parley.deps.directory.conversations.forgetBot('shop');
    await parley.scheduler.tick();
    expect(parley.deps.store.sqlite.prepare('select status from payments').pluck().get()).toBe('expired');
    parley.close();
  });
});
