import { eq } from 'drizzle-orm';
import { type PaymentRow, payments } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, ok } from '../errors';
import { settlePayment } from '../routes/checkout';

export type PaymentOutcome = 'paid' | 'failed' | 'expired' | 'refunded';

/**
 * A provider's news about a payment: the conversation resumes on the matching port and the order
 * follows, in one turn, exactly once. News that arrives again (a provider retrying its webhook) or
 * too late (a link already expired) changes nothing and is not an error.
 */
export async function settleFromProvider(deps: AppDeps, payment: PaymentRow, outcome: PaymentOutcome, extra: { providerPaymentRef?: string } = {}): Promise<Result<{ settled: boolean }>> {
  if (extra.providerPaymentRef) deps.store.db.update(payments).set({ providerPaymentRef: extra.providerPaymentRef }).where(eq(payments.id, payment.id)).run();
  const now = deps.now();
  const result = await deps.pipeline.deliver(payment.conversationId, { kind: 'payment', paymentId: payment.id, status: outcome }, settlePayment(payment.id, outcome, now));
  if (result.ok) return ok({ settled: true });
  if (result.error.code === 'conflict') return ok({ settled: false });
  return result;
}
