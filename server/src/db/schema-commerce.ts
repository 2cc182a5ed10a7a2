import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Orders, waiting lists and outgoing webhooks. Part of the one schema (re-exported by schema.ts);
 * kept apart so that the commerce tables read together.
 */

/** An order is opened when its payment link is made; its units are out of stock from then on. */
export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    botId: text('bot_id').notNull(),
    /** The bot whose catalog the units came from (its own, or the one it shares). */
    catalogId: text('catalog_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    paymentId: text('payment_id').notNull().unique(),
    status: text('status', { enum: ['pending', 'paid', 'cancelled', 'refunded'] }).notNull(),
    /** The lines, as a JSON array of payment items (sku, title, quantity, unit price, options). */
    items: text('items').notNull(),
    amount: real('amount').notNull(),
    currency: text('currency').notNull(),
    /** Units taken from stock at checkout, `[{ sku, quantity }]`: given back if the order is cancelled. */
    reserved: text('reserved').notNull().default('[]'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('orders_bot').on(t.botId, t.createdAt)],
);

/** Customers waiting for a product to be back in stock; `notice` is sent to them when it is. */
export const waitlist = sqliteTable(
  'waitlist',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    botId: text('bot_id').notNull(),
    catalogId: text('catalog_id').notNull(),
    sku: text('sku').notNull(),
    conversationId: text('conversation_id').notNull(),
    notice: text('notice').notNull(),
    createdAt: text('created_at').notNull(),
    notifiedAt: text('notified_at'),
  },
  (t) => [uniqueIndex('waitlist_once').on(t.botId, t.sku, t.conversationId), index('waitlist_waiting').on(t.catalogId, t.sku, t.notifiedAt)],
);

/** A brand's endpoint told about changes (orders now; more events later), signed with its secret. */
export const webhooks = sqliteTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    botId: text('bot_id').notNull(),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    /** JSON array of event types, such as ["order.paid"]; ["*"] for all. */
    events: text('events').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('webhooks_bot').on(t.botId)],
);

/** The outbox of webhook calls: written in the transaction of the change, sent after, retried with backoff. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    webhookId: text('webhook_id').notNull(),
    event: text('event').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    deliveredAt: text('delivered_at'),
  },
  (t) => [index('webhook_deliveries_due').on(t.status, t.nextAttemptAt), index('webhook_deliveries_hook').on(t.webhookId, t.id)],
);

export type OrderRow = typeof orders.$inferSelect;
export type WaitlistRow = typeof waitlist.$inferSelect;
export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
