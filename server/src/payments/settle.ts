import { and, eq } from 'drizzle-orm';
import { type PaymentRow, payments } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, ok } from '../errors';
import { settlePayment } from '../routes/checkout';
import type { PaymentOutcome, PaymentWebhookContext } from './provider';

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/**
 * A provider's news about a payment: the conversation resumes on the matching port and the order
 * follows, in one turn, exactly once. News that arrives again (a provider retrying its webhook) or
 * too late (a link already expired) changes nothing and is not an error.
 */
export async function settleFromProvider(deps: AppDeps, payment: PaymentRow, outcome: PaymentOutcome, extra: { providerPaymentRef?: string } = {}): Promise<Result<{ settled: boolean }>> {
  if (extra.providerPaymentRef) deps.store.db.update(payments).set({ providerPaymentRef: extra.providerPaymentRef }).where(eq(payments.id, payment.id)).run();
  const now = deps.now();
  const result = await deps.pipeline.deliver(payment.conversationId, { kind: 'payment', paymentId: payment.id, status: outcome }, settlePayment(payment.id, outcome, now));
  // A refund comes after the flow moved on: unless a node answered it, the customer is told in the chat.
  if (result.ok && outcome === 'refunded' && result.value.replies.length === 0)
    await deps.pipeline.notify(payment.conversationId, [{ type: 'text', text: `Your payment of ${money(payment.amount, payment.currency)} for ${payment.description} has been refunded.` }], { reason: 'refund' });
  if (result.ok) return ok({ settled: true });
  if (result.error.code === 'conflict') return ok({ settled: false });
  return result;
}

/** The context a provider's webhook gets: only its own payments, and the one way to settle them. */
export function webhookContext(deps: AppDeps, providerId: string): PaymentWebhookContext {
  const ofProvider = eq(payments.provider, providerId);
  return {
    findPayment(by) {
      const match = 'id' in by ? eq(payments.id, by.id) : 'providerRef' in by ? eq(payments.providerRef, by.providerRef) : eq(payments.providerPaymentRef, by.providerPaymentRef);
      return deps.store.db.select().from(payments).where(and(ofProvider, match)).get();
    },
    settle: (payment, outcome, extra) => settleFromProvider(deps, payment, outcome, extra),
  };
}
