import type { PaymentEffect } from '@parley/shared';
import type { Hono } from 'hono';
import type { PaymentRow } from '../db/schema';
import type { Result } from '../errors';

/** A checkout page made, with the provider's id of it when it has one (matched against its webhooks). */
export type CheckoutResult =
  /** `expiresAt`: when the provider closes the page, if not when asked (Stripe keeps a session open 30 minutes at least). */
  | { ok: true; url: string; providerRef?: string; expiresAt?: Date }
  | { ok: false; error: string };

export type PaymentOutcome = 'paid' | 'failed' | 'expired' | 'refunded';

/** What a provider's webhook may do: find its payments and report their outcome. */
export interface PaymentWebhookContext {
  /** A payment this provider made, by Parley's id or by the provider's own reference. */
  findPayment(by: { id: string } | { providerRef: string } | { providerPaymentRef: string }): PaymentRow | undefined;
  /**
   * Reports an outcome: the conversation resumes on the payment node's port and the order follows, in
   * one turn, exactly once (reporting it again is not an error: `settled` is false).
   */
  settle(payment: PaymentRow, outcome: PaymentOutcome, extra?: { providerPaymentRef?: string }): Promise<Result<{ settled: boolean }>>;
}

/**
 * A payment provider creates a checkout page for a payment; its outcome comes back through the
 * provider's webhook. Add WeChat Pay, LINE Pay or another provider by implementing this and passing
 * it to `createParley(config, { paymentProviders })`: its `webhook` app is mounted at
 * `/webhooks/payments/<id>`, public, and must verify the provider's signature itself.
 */
export interface PaymentProvider {
  id: string;
  testMode: boolean;
  createCheckout(payment: { id: string; effect: PaymentEffect; expiresAt: Date }): Promise<CheckoutResult>;
  webhook?(context: PaymentWebhookContext): Hono;
}

/** Parley's own hosted checkout page, clearly marked as test mode: try the whole flow without an account. */
export function testCheckoutProvider(publicUrl: string): PaymentProvider {
  return {
    id: 'test',
    testMode: true,
    createCheckout: async ({ id }) => ({ ok: true, url: `${publicUrl}/checkout/${id}` }),
  };
}
