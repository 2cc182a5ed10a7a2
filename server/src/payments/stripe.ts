import Stripe from 'stripe';
import type { PaymentProvider } from './provider';
import { stripeWebhook } from './stripe-webhook';

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string | undefined;
  apiUrl: string | undefined;
}

/** One client per configuration; the API's base URL can point at a proxy or a local stand-in. */
export function stripeClient(config: StripeConfig): Stripe {
  const base = config.apiUrl ? new URL(config.apiUrl) : undefined;
  return new Stripe(config.secretKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    telemetry: false,
    ...(base ? { host: base.hostname, port: base.port || (base.protocol === 'https:' ? 443 : 80), protocol: base.protocol === 'http:' ? 'http' : 'https' } : {}),
  });
}

/** Digits after the point in the currency's minor unit (JPY 0, EUR 2, KWD 3), as Stripe counts amounts. */
export function minorUnits(amount: number, currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(amount * 10 ** digits);
}

/** Stripe Checkout keeps a session open between 30 minutes and 24 hours. */
function sessionExpiry(expiresAt: Date, now: Date): number {
  const min = now.getTime() + 30 * 60_000 + 5_000;
  const max = now.getTime() + 24 * 3_600_000 - 5_000;
  return Math.floor(Math.min(Math.max(expiresAt.getTime(), min), max) / 1000);
}

/**
 * Stripe Checkout: one Checkout Session per payment, the payment's id as its reference and
 * idempotency key (a retried create makes no second session). Its webhook (stripe-webhook.ts)
 * settles the payment.
 */
export function stripeProvider(client: Stripe, options: { publicUrl: string; testMode: boolean; webhookSecret: string | undefined; now?: () => Date }): PaymentProvider {
  return {
    id: 'stripe',
    testMode: options.testMode,
    webhook: (context) => stripeWebhook(client, options.webhookSecret, context),
    async createCheckout({ id, effect, expiresAt }) {
      const now = options.now?.() ?? new Date();
      const currency = effect.currency.toLowerCase();
      const session = await client.checkout.sessions.create(
        {
          mode: 'payment',
          client_reference_id: id,
          metadata: { parley_payment_id: id },
          payment_intent_data: { metadata: { parley_payment_id: id } },
          line_items: effect.items.map((item) => ({
            quantity: item.quantity,
            price_data: {
              currency,
              unit_amount: minorUnits(item.unitPrice, effect.currency),
              product_data: {
                name: item.title,
                ...(item.options && Object.keys(item.options).length > 0
                  ? { description: Object.entries(item.options).map(([name, value]) => `${name}: ${value}`).join(', ') }
                  : {}),
                ...(item.sku ? { metadata: { sku: item.sku } } : {}),
              },
            },
          })),
          expires_at: sessionExpiry(expiresAt, now),
          success_url: `${options.publicUrl}/checkout/${id}/done`,
          cancel_url: `${options.publicUrl}/checkout/${id}/done`,
        },
        { idempotencyKey: `parley-${id}` },
      );
      if (!session.url) return { ok: false, error: 'Stripe made the Checkout Session without a payment page URL.' };
      // The payment expires with the session: never before Stripe stops taking money for it.
      return { ok: true, url: session.url, providerRef: session.id, expiresAt: new Date(session.expires_at * 1000) };
    },
  };
}
