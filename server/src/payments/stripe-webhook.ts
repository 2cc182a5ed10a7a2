import { Hono } from 'hono';
import type Stripe from 'stripe';
import { errorResponse } from '../errors';
import type { PaymentOutcome, PaymentWebhookContext } from './provider';

type Session = Stripe.Checkout.Session;

/** What each Checkout event means for the payment; events not listed here are acknowledged and ignored. */
function outcomeOf(event: Stripe.Event): { session: Session; outcome: PaymentOutcome | undefined } | undefined {
  switch (event.type) {
    case 'checkout.session.completed':
      // Card payments are paid on completion; bank debits complete first and succeed later.
      return { session: event.data.object, outcome: event.data.object.payment_status === 'unpaid' ? undefined : 'paid' };
    case 'checkout.session.async_payment_succeeded':
      return { session: event.data.object, outcome: 'paid' };
    case 'checkout.session.async_payment_failed':
      return { session: event.data.object, outcome: 'failed' };
    case 'checkout.session.expired':
      return { session: event.data.object, outcome: 'expired' };
    default:
      return undefined;
  }
}

const idOf = (ref: string | { id: string } | null): string | undefined => (ref === null ? undefined : typeof ref === 'string' ? ref : ref.id);

/**
 * Stripe's webhook, mounted at /webhooks/payments/stripe: the signature is checked over the raw body
 * by the SDK; a Checkout Session's outcome settles its payment (the conversation resumes on paid /
 * failed), a full refund refunds the order. Stripe retries until it gets a 2xx, and settling twice
 * is a no-op.
 */
export function stripeWebhook(stripe: Stripe, secret: string | undefined, context: PaymentWebhookContext) {
  return new Hono().post('/', async (c) => {
    if (!secret) return errorResponse(c, { status: 404, code: 'not_configured', message: "Stripe's webhook is not configured: set STRIPE_WEBHOOK_SECRET." });
    const raw = await c.req.text();
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(raw, c.req.header('stripe-signature') ?? '', secret);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'invalid signature';
      return errorResponse(c, { status: 401, code: 'invalid_signature', field: 'Stripe-Signature', message: `The Stripe-Signature does not match this body: ${message}` });
    }

    if (event.type === 'charge.refunded') {
      const charge = event.data.object;
      const intent = idOf(charge.payment_intent);
      // A partial refund leaves the order paid; the whole amount back refunds it.
      if (!intent || !charge.refunded) return c.json({ received: true });
      const payment = context.findPayment({ providerPaymentRef: intent });
      if (!payment) return c.json({ received: true, ignored: 'no payment of ours' });
      const settled = await context.settle(payment, 'refunded');
      return settled.ok ? c.json({ received: true }) : errorResponse(c, settled.error);
    }

    const meaning = outcomeOf(event);
    if (!meaning?.outcome) return c.json({ received: true });
    const { session, outcome } = meaning;
    // Sessions made outside Parley share the account: not ours to act on, but Stripe must not retry them.
    const payment = context.findPayment({ providerRef: session.id });
    if (!payment) return c.json({ received: true, ignored: 'no payment of ours' });
    const intent = idOf(session.payment_intent);
    const settled = await context.settle(payment, outcome, intent ? { providerPaymentRef: intent } : {});
    // A store failure answers 503: Stripe retries later, and nothing was half done.
    return settled.ok ? c.json({ received: true }) : errorResponse(c, settled.error);
  });
}
