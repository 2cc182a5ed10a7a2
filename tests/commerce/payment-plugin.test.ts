import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { afterEach, expect, it } from 'vitest';
import type { PaymentProvider } from '../../server/src/payments/provider';
import { type TestParley, customer, loadExample, testParley } from '../examples/chat';

/**
 * A provider written the way a developer adds WeChat Pay or LINE Pay: it makes its checkout page and
 * learns the outcome on its own webhook, whose signature it checks itself.
 */
function walletProvider(secret: string): PaymentProvider {
  const sign = (body: string) => createHmac('sha256', secret).update(body).digest('hex');
  return {
    id: 'wallet',
    testMode: true,
    createCheckout: async ({ id, effect }) => ({ ok: true, url: `https://wallet.example/pay?order=${id}&amount=${effect.amount}`, providerRef: `w-${id}` }),
    webhook: (context) =>
      new Hono().post('/', async (c) => {
        const body = await c.req.text();
        const given = Buffer.from(c.req.header('x-wallet-signature') ?? '', 'hex');
        const expected = Buffer.from(sign(body), 'hex');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) return c.json({ error: 'bad signature' }, 401);
        const news: { ref: string; status: 'SUCCESS' | 'FAIL' } = JSON.parse(body);
        const payment = context.findPayment({ providerRef: news.ref });
        if (!payment) return c.json({ error: 'unknown payment' }, 404);
        const settled = await context.settle(payment, news.status === 'SUCCESS' ? 'paid' : 'failed');
        return settled.ok ? c.json({ code: 'OK', settled: settled.value.settled }) : c.json({ error: settled.error.message }, 503);
      }),
  };
}

let parley: TestParley | undefined;
afterEach(() => parley?.close());

it('runs a payment provider plugin: its checkout link in the chat, its signed webhook resuming the flow once', async () => {
  const secret = 'wallet-secret';
  parley = testParley({ paymentProviders: [walletProvider(secret)] });
  loadExample(parley, 'beauty-quiz', { flow: (flow) => JSON.parse(JSON.stringify(flow).replace('"provider":"test"', '"provider":"wallet"')) });
  const chat = customer(parley, 'beauty-quiz', 'wallet-1');
  await chat.say('hi');
  await chat.tap('dry');
  await chat.tap('dewy');
  await chat.tap('30-to-60');
  const link = (await chat.tap('buy:PP-F01', 'Buy')).replies.find((reply) => reply.type === 'payment');
  expect(link?.url).toBe(`https://wallet.example/pay?order=${link?.paymentId}&amount=42`);

  const news = JSON.stringify({ ref: `w-${link?.paymentId}`, status: 'SUCCESS' });
  const post = (body: string, signature: string) => parley!.app.request('/webhooks/payments/wallet', { method: 'POST', body, headers: { 'x-wallet-signature': signature } });
  expect((await post(news, createHmac('sha256', 'wrong').update(news).digest('hex'))).status).toBe(401);
  const first = await post(news, createHmac('sha256', secret).update(news).digest('hex'));
  expect(await first.json()).toEqual({ code: 'OK', settled: true });
  const again = await post(news, createHmac('sha256', secret).update(news).digest('hex'));
  expect(await again.json()).toEqual({ code: 'OK', settled: false });
  const later = await chat.later();
  expect(later.filter((message) => (message.reply.text ?? '').includes('Thank you'))).toHaveLength(1);
  expect((await (await parley.request('GET', '/api/bots/beauty-quiz/orders')).json()).orders[0].status).toBe('paid');
});
