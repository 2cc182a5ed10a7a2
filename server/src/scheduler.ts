import { jsonValueSchema } from '@parley/shared';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { notifyBackInStock } from './commerce/waitlist';
import { announceHandoffs } from './inbox/announce';
import { checkSlaBreaches } from './inbox/sla';
import type { Store } from './db/open';
import { payments, timers } from './db/schema';
import { settlePayment } from './routes/checkout';
import { type TurnGuard, applyGuard } from './turns/guards';
import { readJson } from './turns/load';
import { deliverDueWebhooks } from './webhooks/deliver';
import type { TurnPipeline } from './turns/pipeline';

/** What the pipeline stored for a node's timer (see effects/perform.ts). */
const timerDataSchema = z.object({ timerId: z.string(), data: jsonValueSchema.nullable() });

/**
 * Fires what is due: node timers and expired payment links, each as a system event through the
 * pipeline; and tells waiting lists that their product is back in stock. Each goes through the
 * pipeline (so in order with the conversation's messages, and exactly once thanks to a guard).
 */
export function startScheduler(store: Store, pipeline: TurnPipeline, options: { intervalMs?: number; log?: (message: string) => void; fetch?: typeof fetch; now?: () => Date; stockChanged?: (botId: string) => void } = {}) {
  const log = options.log ?? (() => undefined);
  // Prepared once: the tick runs them every second.
  const dueTimersQuery = store.db.select().from(timers).where(and(eq(timers.status, 'pending'), lte(timers.fireAt, sql.placeholder('stamp')))).orderBy(asc(timers.fireAt)).limit(100).prepare();
  const expiredPaymentsQuery = store.db.select().from(payments).where(and(eq(payments.status, 'pending'), lte(payments.expiresAt, sql.placeholder('stamp')))).limit(100).prepare();
  /**
   * Delivers one due item. When its conversation can no longer take it (deleted, its bot unpublished),
   * the item is settled without a turn, so it neither fires forever nor crowds out the others; a store
   * failure (503) leaves it for the next tick.
   */
  async function fire(what: string, deliver: () => ReturnType<TurnPipeline['deliver']>, settle: () => void) {
    try {
      const outcome = await deliver();
      if (outcome.ok || outcome.error.code === 'conflict' || outcome.error.status === 503) return;
      settle();
      log(`scheduler: ${what} settled without its conversation: ${outcome.error.message}`);
    } catch (error) {
      log(`scheduler: ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const now = options.now?.() ?? new Date();
      const stamp = now.toISOString();
      const dueTimers = dueTimersQuery.all({ stamp });
      for (const timer of dueTimers) {
        const guard: TurnGuard = { kind: 'fireTimer', timerId: timer.id };
        const stored = readJson(timerDataSchema, timer.data);
        await fire(
          `timer ${timer.id}`,
          () => pipeline.deliver(timer.conversationId, { kind: 'timer', timerId: stored?.timerId ?? timer.id, data: stored?.data ?? null }, guard),
          () => applyGuard(store.db, guard),
        );
      }
      const expired = expiredPaymentsQuery.all({ stamp });
      for (const payment of expired) {
        const guard = settlePayment(payment.id, 'expired', now);
        await fire(
          `payment ${payment.id}`,
          () => pipeline.deliver(payment.conversationId, { kind: 'payment', paymentId: payment.id, status: 'expired' }, guard),
          () => {
            applyGuard(store.db, guard);
            // Units came back without a turn: catalogs cached for flows must see them.
            options.stockChanged?.(payment.botId);
          },
        );
      }
      await notifyBackInStock(store, pipeline, now, log);
      try {
        // Hand-offs committed by turns the inbox did not see (timers, a crash) are announced; broken promises reported.
        announceHandoffs(store, now);
        checkSlaBreaches(store, now);
      } catch (error) {
        log(`scheduler: inbox: ${error instanceof Error ? error.message : String(error)}`);
      }
    } finally {
      running = false;
    }
  };
  // Webhooks go out on their own: a slow endpoint must not hold back timers and payment expiries.
  let delivering = false;
  const deliver = async () => {
    if (delivering) return;
    delivering = true;
    try {
      await deliverDueWebhooks(store, options.fetch ?? fetch, options.now?.() ?? new Date());
    } catch (error) {
      log(`scheduler: webhooks: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      delivering = false;
    }
  };
  const both = async () => {
    await Promise.all([tick(), deliver()]);
  };
  const handle = setInterval(() => void both(), options.intervalMs ?? 1_000);
  handle.unref();
  return { tick: both, stop: () => clearInterval(handle) };
}
