import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Store } from '../db/open';
import { perStore } from '../db/per-store';
import { webhookDeliveries, webhooks } from '../db/schema';
import { signatureHeader } from './sign';

/** Attempts before a delivery is marked failed: the wait doubles from 30 s to an hour (about 7 hours in all). */
export const MAX_ATTEMPTS = 12;
const backoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);
const TIMEOUT_MS = 10_000;

type Outcome = { delivered: true } | { delivered: false; retry: boolean; error: string };

async function post(fetcher: typeof fetch, url: string, headers: Record<string, string>, body: string): Promise<Outcome> {
  try {
    const response = await fetcher(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { delivered: true };
    // The endpoint refused this request as such: sending it again will not help (except for limits and timeouts).
    const retry = response.status >= 500 || response.status === 429 || response.status === 408;
    return { delivered: false, retry, error: `HTTP ${response.status}` };
  } catch (error) {
    return { delivered: false, retry: true, error: error instanceof Error ? error.message : String(error) };
  }
}

// Asked every second by the scheduler: prepared once per store.
const pendingDeliveries = perStore((store: Store) =>
  store.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.status, 'pending')).orderBy(asc(webhookDeliveries.id)).limit(200).prepare(),
);

/**
 * Sends the webhook deliveries that are due, oldest first and in order per endpoint: while one
 * waits for its retry, the later ones of its endpoint wait behind it (an order's "paid" never
 * arrives before its "created"). Returns how many were delivered.
 */
export async function deliverDueWebhooks(store: Store, fetcher: typeof fetch, now: Date): Promise<number> {
  const pending = pendingDeliveries(store).all();
  if (pending.length === 0) return 0;
  const hookIds = [...new Set(pending.map((delivery) => delivery.webhookId))];
  const hooks = new Map(store.db.select().from(webhooks).where(inArray(webhooks.id, hookIds)).all().map((hook) => [hook.id, hook]));
  const blocked = new Set<string>();
  let delivered = 0;
  for (const delivery of pending) {
    if (blocked.has(delivery.webhookId)) continue;
    const hook = hooks.get(delivery.webhookId);
    const stamp = now.toISOString();
    if (!hook) {
      store.db.update(webhookDeliveries).set({ status: 'failed', lastError: 'The webhook was deleted.' }).where(eq(webhookDeliveries.id, delivery.id)).run();
      continue;
    }
    if (delivery.nextAttemptAt > stamp) {
      blocked.add(delivery.webhookId);
      continue;
    }
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Parley-Webhooks/1',
      'x-parley-event': delivery.event,
      'x-parley-delivery': String(delivery.id),
      'x-parley-signature': signatureHeader(hook.secret, delivery.body, now),
    };
    const outcome = await post(fetcher, hook.url, headers, delivery.body);
    const attempts = delivery.attempts + 1;
    const where = and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, 'pending'));
    if (outcome.delivered) {
      store.db.update(webhookDeliveries).set({ status: 'delivered', attempts, deliveredAt: now.toISOString(), lastError: null }).where(where).run();
      delivered++;
      continue;
    }
    const gaveUp = !outcome.retry || attempts >= MAX_ATTEMPTS;
    store.db
      .update(webhookDeliveries)
      .set({ status: gaveUp ? 'failed' : 'pending', attempts, lastError: outcome.error, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)).toISOString() })
      .where(where)
      .run();
    // A failed one no longer holds the others back; one waiting for its retry does.
    if (!gaveUp) blocked.add(delivery.webhookId);
  }
  return delivered;
}
