import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { webhookDeliveries, webhooks } from '../db/schema';
import { readJson } from '../turns/load';

const eventListSchema = z.array(z.string());

/**
 * Queues an event for every webhook of the bot that subscribed to it. Called inside the transaction
 * that makes the change, so that a change and its news commit (or roll back) together.
 */
export function queueWebhookEvent(db: Db, botId: string, event: string, data: unknown, at: string): void {
  for (const hook of db.select({ id: webhooks.id, events: webhooks.events }).from(webhooks).where(eq(webhooks.botId, botId)).all()) {
    const wanted = readJson(eventListSchema, hook.events) ?? [];
    if (!wanted.includes('*') && !wanted.includes(event)) continue;
    const body = JSON.stringify({ type: event, botId, createdAt: at, data });
    db.insert(webhookDeliveries).values({ webhookId: hook.id, event, body, status: 'pending', nextAttemptAt: at, createdAt: at }).run();
  }
}
