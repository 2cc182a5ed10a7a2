import { afterEach, beforeEach, expect, it } from 'vitest';
import { type TestParley, customer, loadExample, testParley, texts } from '../examples/chat';
import { startStripeStandin } from './stripe-standin';

const SECRET_KEY = 'sk_test_parley0123456789';
const WEBHOOK_SECRET = 'whsec_parleytest0123456789';

let parley: TestParley;
let stripe: Awaited<ReturnType<typeof startStripeStandin>>;
let clock = new Date();

beforeEach(async () => {
  clock = new Date();
  stripe = await startStripeStandin({ secretKey: SECRET_KEY, now: () => clock });
  parley = testParley({ now: () => clock }, { STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: stripe.url });
  // The beauty quiz, selling through Stripe Checkout instead of the test checkout.
  loadExample(parley, 'beauty-quiz', { flow: (flow) => JSON.parse(JSON.stringify(flow).replace('"provider":"test"', '"provider":"stripe"')) });
});
afterEach(async () => {
  stripe.close();
  await parley.close();
});

async function buyFoundation(id: string) {
  const chat = customer(parley, 'beauty-quiz', id);
  await chat.say('hi');
  await chat.tap('dry');
  await chat.tap('dewy');
  await chat.tap('30-to-60');
  const checkout = await chat.tap('buy:PP-F01', 'Buy');
  const link = checkout.replies.find((reply) => reply.type === 'payment');
  return { chat, link };
}

const postEvent = (payload: string, signature: string) =>
  parley.app.request('/webhooks/payments/stripe', { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });

it('sells through a Stripe Checkout Session and continues on "paid" when Stripe says so', async () => {
  const { chat, link } = await buyFoundation('stripe-1');
  const session = [...stripe.sessions.values()][0];
  expect(link).toMatchObject({ url: session?.url, amount: 42, currency: 'USD', testMode: true });
  // What Stripe received: minor units, the payment as reference, a 30-minute-to-24-hour expiry.
  expect(session).toMatchObject({ currency: 'usd', amount_total: 4200, client_reference_id: link?.paymentId, line_items: [{ name: 'Dewdrop Hydrating Foundation', quantity: 1, unit_amount: 4200 }] });

  const paid = stripe.completed(session?.id ?? '');
  const answered = await postEvent(paid, stripe.sign(paid, WEBHOOK_SECRET));
  expect(answered.status).toBe(200);
  const later = (await chat.later()).map((message) => message.reply.text ?? message.reply.type);
  expect(later.at(-1)).toContain('Thank you');
  const orders = (await (await parley.request('GET', '/api/bots/beauty-quiz/orders')).json()).orders;
  expect(orders[0]).toMatchObject({ status: 'paid', amount: 42, currency: 'USD' });

  // Stripe retries its webhook: the second delivery changes nothing.
  expect((await postEvent(paid, stripe.sign(paid, WEBHOOK_SECRET))).status).toBe(200);
  expect((await chat.later()).length).toBe(later.length);

  // A full refund refunds the order.
  const refund = stripe.refunded(session?.id ?? '');
  expect((await postEvent(refund, stripe.sign(refund, WEBHOOK_SECRET))).status).toBe(200);
  expect((await (await parley.request('GET', '/api/bots/beauty-quiz/orders')).json()).orders[0].status).toBe('refunded');
  expect((await chat.later()).at(-1)?.reply.text).toBe('Your payment of $42.00 for Dewdrop Hydrating Foundation has been refunded.');
});

it('rejects a webhook with a wrong, missing or stale signature, or an altered body, and runs nothing', async () => {
  const { chat } = await buyFoundation('stripe-2');
  const session = [...stripe.sessions.values()][0];
  const paid = stripe.completed(session?.id ?? '');
  const before = (await chat.later()).length;
  const wrong = await postEvent(paid, stripe.sign(paid, 'whsec_not_the_right_one'));
  expect(wrong.status).toBe(401);
  expect((await wrong.json()).error).toMatchObject({ code: 'invalid_signature', field: 'Stripe-Signature' });
  expect((await parley.app.request('/webhooks/payments/stripe', { method: 'POST', headers: { 'content-type': 'application/json' }, body: paid })).status).toBe(401);
  expect((await postEvent(paid.replace('"paid"', '"unpaid"'), stripe.sign(paid, WEBHOOK_SECRET))).status).toBe(401);
  expect((await postEvent(paid, stripe.sign(paid, WEBHOOK_SECRET, new Date(clock.getTime() - 3_600_000)))).status).toBe(401);
  expect((await chat.later()).length).toBe(before);
  expect((await (await parley.request('GET', '/api/bots/beauty-quiz/orders')).json()).orders[0].status).toBe('pending');
});

it('takes "failed" when the session expires, and gives the stock back', async () => {
  const { chat } = await buyFoundation('stripe-3');
  const session = [...stripe.sessions.values()][0];
  const expired = stripe.expired(session?.id ?? '');
  expect((await postEvent(expired, stripe.sign(expired, WEBHOOK_SECRET))).status).toBe(200);
  const last = (await chat.later()).at(-1)?.reply;
  expect(last?.text ?? '').not.toContain('Thank you');
  expect((await (await parley.request('GET', '/api/bots/beauty-quiz/orders')).json()).orders[0].status).toBe('cancelled');
});

it('says so in the chat when Stripe cannot make the session, and opens no order', async () => {
  stripe.failNext(10);
  const chat = customer(parley, 'beauty-quiz', 'stripe-4');
  await chat.say('hi');
  await chat.tap('dry');
  await chat.tap('dewy');
  await chat.tap('30-to-60');
  const checkout = await chat.tap('buy:PP-F01', 'Buy');
  expect(checkout.replies.some((reply) => reply.type === 'payment')).toBe(false);
  expect(texts(checkout).join(' ')).toMatch(/payment|checkout/i);
  // The units taken for the order went back: the order is cancelled, the stock as before.
  expect((await (await parley.request('GET', '/api/bots/beauty-quiz/orders')).json()).orders[0].status).toBe('cancelled');
  expect(stripe.requests).toHaveLength(0);
});
