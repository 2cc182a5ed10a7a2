import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Product } from '@parley/shared';
import { inStock } from '@parley/runtime';
import { productFromRow } from '../catalog/product-row';
import type { Store } from '../db/open';
import { perStore } from '../db/per-store';
import { products, waitlist } from '../db/schema';
import type { TurnPipeline } from '../turns/pipeline';

// The scheduler asks every second: prepared once per store.
const waitingForStock = perStore((store: Store) =>
  store.db
    .select({ id: waitlist.id, catalogId: waitlist.catalogId, sku: waitlist.sku, conversationId: waitlist.conversationId, notice: waitlist.notice })
    .from(waitlist)
    .innerJoin(products, and(eq(products.botId, waitlist.catalogId), eq(products.sku, waitlist.sku)))
    .where(and(isNull(waitlist.notifiedAt), eq(products.active, true), or(isNull(products.stock), gt(products.stock, 0))))
    .orderBy(waitlist.id)
    .limit(100)
    .prepare(),
);

/**
 * Messages the customers waiting for a product that is back in stock (restocked by an import, or
 * units given back by a cancelled order), each once, in the order they joined. All of them hear it:
 * the first to check out gets the units, the others are told it sold out again.
 */
export async function notifyBackInStock(store: Store, pipeline: TurnPipeline, now: Date, log: (message: string) => void): Promise<number> {
  const candidates = waitingForStock(store).all();
  // A product is back only if it can be bought: through one of its variants, when it has some.
  const catalogs = new Map<string, Product[]>();
  const catalogOf = (id: string) => {
    let list = catalogs.get(id);
    if (!list) catalogs.set(id, (list = store.db.select().from(products).where(eq(products.botId, id)).all().map(productFromRow)));
    return list;
  };
  const due = candidates.filter((entry) => {
    const catalog = catalogOf(entry.catalogId);
    const product = catalog.find((p) => p.sku === entry.sku);
    return product !== undefined && inStock(catalog, product);
  });
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
