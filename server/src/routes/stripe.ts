import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type Stripe from 'stripe';
import { payments } from '../db/schema';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { type PaymentOutcome, settleFromProvider } from '../payments/settle';

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
 * Stripe's webhook: the signature is checked over the raw body by the SDK; a Checkout Session's
 * outcome settles its payment (the conversation resumes on paid / failed), a full refund refunds
 * the order. Stripe retries until it gets a 2xx, and settling twice is a no-op.
 */
export function stripeRoutes(deps: AppDeps) {
  deps.docs.add({
    method: 'post',
    path: '/webhooks/stripe',
    summary: "Stripe's webhook (Stripe-Signature checked): Checkout Session completed / async succeeded / failed / expired, charge refunded",
    tag: 'Payments',
    public: true,
    responses: { 200: { description: 'Received' }, 401: { description: 'Missing or wrong Stripe-Signature' }, 404: { description: 'Stripe is not configured' } },
  });
  return new Hono().post('/', async (c) => {
    const stripe = deps.stripe;
    const secret = deps.config.stripe?.webhookSecret;
    if (!stripe || !secret) return errorResponse(c, { status: 404, code: 'not_configured', message: 'Stripe is not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.' });
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
      const payment = deps.store.db.select().from(payments).where(and(eq(payments.provider, 'stripe'), eq(payments.providerPaymentRef, intent))).get();
      if (!payment) return c.json({ received: true, ignored: 'no payment of ours' });
      const settled = await settleFromProvider(deps, payment, 'refunded');
      return settled.ok ? c.json({ received: true }) : errorResponse(c, settled.error);
    }

    const meaning = outcomeOf(event);
    if (!meaning?.outcome) return c.json({ received: true });
    const { session, outcome } = meaning;
    const paymentId = session.client_reference_id ?? session.metadata?.parley_payment_id;
    const payment = paymentId ? deps.store.db.select().from(payments).where(eq(payments.id, paymentId)).get() : undefined;
    // Sessions made outside Parley share the account: not ours to act on, but Stripe must not retry them.
    if (!payment || payment.provider !== 'stripe' || payment.providerRef !== session.id) return c.json({ received: true, ignored: 'no payment of ours' });
    const intent = idOf(session.payment_intent);
    const settled = await settleFromProvider(deps, payment, outcome, intent ? { providerPaymentRef: intent } : {});
    // A store failure answers 503: Stripe retries later, and nothing was half done.
    return settled.ok ? c.json({ received: true }) : errorResponse(c, settled.error);
  });
}
