import { paymentItemSchema } from '@parley/shared';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { handoffs, payments, products, timers } from '../db/schema';
import { readJson } from './load';

/**
 * Conditions a turn's write depends on, checked in the same transaction: "this payment is still
 * pending", "this timer has not fired". Plain data, so that the writer can run in another thread.
 */
export type TurnGuard =
  | { kind: 'settlePayment'; paymentId: string; status: 'paid' | 'failed' | 'expired'; at: string }
  | { kind: 'fireTimer'; timerId: string }
  | { kind: 'releaseHandoffs'; conversationId: string; at: string };

/** A guard refusing (a payment already settled, a timer already fired) fails its turn as a conflict. */
export class GuardRefused extends Error {
  override name = 'GuardRefused';
}

const paymentItemsSchema = z.array(paymentItemSchema);

/** Moves a payment out of `pending` exactly once; a paid payment takes its units out of stock. */
function settlePayment(db: Db, guard: Extract<TurnGuard, { kind: 'settlePayment' }>): void {
  const changed = db
    .update(payments)
    .set({ status: guard.status, updatedAt: guard.at })
    .where(and(eq(payments.id, guard.paymentId), eq(payments.status, 'pending')))
    .run();
  if (changed.changes !== 1) throw new GuardRefused(`Payment ${guard.paymentId} is no longer pending.`);
  if (guard.status !== 'paid') return;
  const payment = db.select({ botId: payments.botId, items: payments.items }).from(payments).where(eq(payments.id, guard.paymentId)).get();
  if (!payment) return;
  for (const item of readJson(paymentItemsSchema, payment.items) ?? []) {
    if (item.sku === undefined) continue;
    db.update(products)
      .set({ stock: sql`max(${products.stock} - ${item.quantity}, 0)`, updatedAt: guard.at })
      .where(and(eq(products.botId, payment.botId), eq(products.sku, item.sku), isNotNull(products.stock)))
      .run();
  }
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
        .set({ status: 'released', releasedAt: guard.at })
        .where(and(eq(handoffs.conversationId, guard.conversationId), eq(handoffs.status, 'waiting')))
        .run();
      if (released.changes === 0) throw new GuardRefused(`Conversation "${guard.conversationId}" was already released.`);
      return;
    }
  }
}
