import { paymentItemSchema } from '@parley/shared';
import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import { type PaymentRow, payments } from '../db/schema';
import type { AppDeps } from '../deps';
import { errorResponse, notFound } from '../errors';
import { z } from 'zod';
import { readJson } from '../turns/load';
import type { TurnGuard } from '../turns/guards';

const paymentItemsSchema = z.array(paymentItemSchema);

/** The guard that settles a payment inside the turn that resumes its conversation (see turns/guards.ts). */
export const settlePayment = (paymentId: string, status: 'paid' | 'failed' | 'expired' | 'refunded', now: Date): TurnGuard => ({
  kind: 'settlePayment',
  paymentId,
  status,
  at: now.toISOString(),
});

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

function page(payment: PaymentRow, now: Date) {
  const items = readJson(paymentItemsSchema, payment.items) ?? [];
  const expired = payment.status === 'pending' && new Date(payment.expiresAt) <= now;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Test checkout · Parley</title>
<style>
body{font-family:system-ui,sans-serif;background:#f5f5f7;margin:0;color:#1d1d1f}
.banner{background:#b45309;color:#fff;text-align:center;padding:.6rem;font-weight:600;letter-spacing:.02em}
main{max-width:28rem;margin:2rem auto;background:#fff;border-radius:12px;padding:1.5rem;box-shadow:0 1px 4px #0002}
table{width:100%;border-collapse:collapse}td{padding:.35rem 0}td.n{text-align:right}
.total{font-size:1.3rem;font-weight:700;border-top:1px solid #ddd}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}button{flex:1;font-size:1rem;padding:.75rem;border-radius:8px;border:0;cursor:pointer}
.pay{background:#0a7d32;color:#fff}.decline{background:#e5e5ea}.status{font-size:1.1rem;font-weight:600;text-align:center;margin-top:1rem}
</style></head>
<body><div class="banner" role="status">TEST MODE — no real money moves. This is Parley's built-in test checkout.</div>
<main><h1>${payment.description}</h1>
<table>${items.map((item) => html`<tr><td>${item.quantity} × ${item.title}</td><td class="n">${money(item.unitPrice * item.quantity, payment.currency)}</td></tr>`)}
<tr class="total"><td>Total</td><td class="n">${money(payment.amount, payment.currency)}</td></tr></table>
${
  payment.status === 'pending' && !expired
    ? html`<form class="actions" method="post"><button class="pay" formaction="/checkout/${payment.id}/pay">Pay ${money(payment.amount, payment.currency)}</button><button class="decline" formaction="/checkout/${payment.id}/decline">Decline</button></form>`
    : html`<p class="status" data-status="${expired ? 'expired' : payment.status}">${expired ? 'This payment link has expired.' : `Payment ${payment.status}.`} You can go back to the chat.</p>`
}
</main></body></html>`;
}

function returnPage(payment: PaymentRow) {
  const told =
    payment.status === 'paid'
      ? 'Thank you: your payment went through.'
      : payment.status === 'pending'
        ? 'Thank you: your payment is being confirmed.'
        : `This payment is ${payment.status}.`;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Payment · Parley</title>
<style>body{font-family:system-ui,sans-serif;background:#f5f5f7;margin:0;color:#1d1d1f}main{max-width:28rem;margin:3rem auto;background:#fff;border-radius:12px;padding:1.5rem;text-align:center;box-shadow:0 1px 4px #0002}</style></head>
<body><main><h1>${payment.description}</h1><p data-status="${payment.status}">${told} You can go back to the chat: we will continue there.</p></main></body></html>`;
}

/** The built-in test checkout page: pay or decline, and the conversation continues on its port. */
export function checkoutRoutes({ store, pipeline, now: clock }: AppDeps) {
  const find = (id: string) => store.db.select().from(payments).where(eq(payments.id, id)).get();
  const settle = (status: 'paid' | 'failed') => async (c: Context) => {
    const id = c.req.param('paymentId') ?? '';
    const payment = find(id);
    if (!payment || payment.provider !== 'test') return errorResponse(c, notFound('Payment', id));
    const now = clock();
    if (payment.status !== 'pending') return c.redirect(`/checkout/${id}`, 303);
    const outcome = new Date(payment.expiresAt) <= now ? 'expired' : status;
    const result = await pipeline.deliver(payment.conversationId, { kind: 'payment', paymentId: id, status: outcome }, settlePayment(id, outcome, now));
    // A conflict means the payment was settled meanwhile (paid twice, expired): the page shows its state.
    if (!result.ok && result.error.code !== 'conflict') return errorResponse(c, result.error);
    return c.redirect(`/checkout/${id}`, 303);
  };
  return new Hono()
    .get('/:paymentId', (c) => {
      const payment = find(c.req.param('paymentId'));
      if (!payment || payment.provider !== 'test') return errorResponse(c, notFound('Payment', c.req.param('paymentId')));
      return c.html(page(payment, clock()));
    })
    // Where a provider's own page sends the customer back to: the state, whatever the provider.
    .get('/:paymentId/done', (c) => {
      const payment = find(c.req.param('paymentId'));
      if (!payment) return errorResponse(c, notFound('Payment', c.req.param('paymentId')));
      return c.html(returnPage(payment));
    })
    .post('/:paymentId/pay', settle('paid'))
    .post('/:paymentId/decline', settle('failed'));
}
