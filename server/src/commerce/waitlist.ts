import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Store } from '../db/open';
import { products, waitlist } from '../db/schema';
import type { TurnPipeline } from '../turns/pipeline';

/**
 * Messages the customers waiting for a product that is back in stock (restocked by an import, or
 * units given back by a cancelled order), each once, in the order they joined. All of them hear it:
 * the first to check out gets the units, the others are told it sold out again.
 */
export async function notifyBackInStock(store: Store, pipeline: TurnPipeline, now: Date, log: (message: string) => void): Promise<number> {
  const due = store.db
    .select({ id: waitlist.id, conversationId: waitlist.conversationId, notice: waitlist.notice })
    .from(waitlist)
    .innerJoin(products, and(eq(products.botId, waitlist.catalogId), eq(products.sku, waitlist.sku)))
    .where(and(isNull(waitlist.notifiedAt), eq(products.active, true), or(isNull(products.stock), gt(products.stock, 0))))
    .orderBy(waitlist.id)
    .limit(100)
    .all();
  let sent = 0;
  for (const entry of due) {
    const outcome = await pipeline.notify(entry.conversationId, [{ type: 'text', text: entry.notice }], { reason: 'back_in_stock' });
    // A store failure leaves it for the next round; a conversation gone is settled like a sent one.
    if (!outcome.ok && outcome.error.status === 503) continue;
    if (!outcome.ok) log(`waiting list: conversation ${entry.conversationId}: ${outcome.error.message}`);
    else sent++;
    store.db.update(waitlist).set({ notifiedAt: now.toISOString() }).where(eq(waitlist.id, entry.id)).run();
  }
  return sent;
}
