import { and, eq, inArray } from 'drizzle-orm';
import { settleOrder } from '../commerce/orders';
import type { Db } from '../db/open';
import { handoffs, payments, timers } from '../db/schema';

/**
 * Conditions a turn's write depends on, checked in the same transaction: "this payment is still
 * pending", "this timer has not fired". Plain data, so that the writer can run in another thread.
 */
export type TurnGuard =
  | { kind: 'settlePayment'; paymentId: string; status: 'paid' | 'failed' | 'expired' | 'refunded'; at: string }
  | { kind: 'fireTimer'; timerId: string }
  | { kind: 'releaseHandoffs'; conversationId: string; at: string };

/** A guard refusing (a payment already settled, a timer already fired) fails its turn as a conflict. */
export class GuardRefused extends Error {
  override name = 'GuardRefused';
}

/**
 * Moves a payment out of `pending` exactly once (a refund: out of `paid`), and its order with it:
 * units were taken at checkout, so a paid order keeps them and a failed or expired one gives them back.
 */
function settlePayment(db: Db, guard: Extract<TurnGuard, { kind: 'settlePayment' }>): void {
  const from = guard.status === 'refunded' ? 'paid' : 'pending';
  const changed = db
    .update(payments)
    .set({ status: guard.status, updatedAt: guard.at })
    .where(and(eq(payments.id, guard.paymentId), eq(payments.status, from)))
    .run();
  if (changed.changes !== 1) throw new GuardRefused(`Payment ${guard.paymentId} is no longer ${from}.`);
  settleOrder(db, guard.paymentId, guard.status, guard.at);
}

export function applyGuard(db: Db, guard: TurnGuard): void {
  switch (guard.kind) {
    case 'settlePayment':
      return settlePayment(db, guard);
    case 'fireTimer': {
      const changed = db.update(timers).set({ status: 'fired' }).where(and(eq(timers.id, guard.timerId), eq(timers.status, 'pending'))).run();
      if (changed.changes !== 1) throw new GuardRefused(`Timer ${guard.timerId} already fired.`);
      return;
    }
    case 'releaseHandoffs': {
      const released = db
        .update(handoffs)
        .set({ status: 'resolved', resolvedAt: guard.at })
        .where(and(eq(handoffs.conversationId, guard.conversationId), inArray(handoffs.status, ['waiting', 'assigned'])))
        .run();
      if (released.changes === 0) throw new GuardRefused(`Conversation "${guard.conversationId}" was already released.`);
      return;
    }
  }
}
