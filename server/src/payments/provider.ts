import type { PaymentEffect } from '@parley/shared';

/** A checkout page made, with the provider's id of it when it has one (matched against its webhooks). */
export type CheckoutResult = { ok: true; url: string; providerRef?: string } | { ok: false; error: string };

/**
 * A payment provider creates a checkout for a payment and later reports its outcome by calling
 * the pipeline with a `payment` inbound. Add WeChat Pay, LINE Pay or Stripe by implementing this.
 */
export interface PaymentProvider {
  id: string;
  testMode: boolean;
  createCheckout(payment: { id: string; effect: PaymentEffect; expiresAt: Date }): Promise<CheckoutResult>;
}

/** Parley's own hosted checkout page, clearly marked as test mode: try the whole flow without an account. */
export function testCheckoutProvider(publicUrl: string): PaymentProvider {
  return {
    id: 'test',
    testMode: true,
    createCheckout: async ({ id }) => ({ ok: true, url: `${publicUrl}/checkout/${id}` }),
  };
}
