import { type PaymentEffect, paymentItemSchema } from '@parley/shared';
import { and, eq, gte, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Store } from '../db/open';
import { type OrderRow, orders, payments, products } from '../db/schema';
import { newId } from '../ids';
import { readJson } from '../turns/load';
import { queueWebhookEvent } from './webhook-events';

const reservedSchema = z.array(z.object({ sku: z.string(), quantity: z.number().int().min(1) }));
const itemsSchema = z.array(paymentItemSchema);

export type OrderStatus = OrderRow['status'];

/** Why an order could not be opened: each a port or a message the flow can act on. */
export type OpenOrderFailure = { code: 'sold_out' | 'unknown_sku' | 'currency_mismatch' | 'unavailable' | 'price_changed'; error: string; skus: string[] };

export interface OpenOrderInput {
  paymentId: string;
  botId: string;
  catalogId: string;
  conversationId: string;
  sessionId: string;
  provider: string;
  effect: PaymentEffect;
  expiresAt: Date;
  now: Date;
}

class OrderRefused extends Error {
  constructor(readonly failure: OpenOrderFailure) {
    super(failure.error);
  }
}

/** The order as the API and webhooks show it. */
export function orderView(row: OrderRow) {
  return {
    id: row.id,
    botId: row.botId,
    conversationId: row.conversationId,
    paymentId: row.paymentId,
    status: row.status,
    items: readJson(itemsSchema, row.items) ?? [],
    amount: row.amount,
    currency: row.currency,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function takeFromStock(db: Db, input: OpenOrderInput): { sku: string; quantity: number }[] {
  const wanted = new Map<string, number>();
  for (const item of input.effect.items) if (item.sku !== undefined) wanted.set(item.sku, (wanted.get(item.sku) ?? 0) + item.quantity);
  const reserved: { sku: string; quantity: number }[] = [];
  const soldOut: string[] = [];
  for (const [sku, quantity] of wanted) {
    const product = db.select().from(products).where(and(eq(products.botId, input.catalogId), eq(products.sku, sku))).get();
    if (!product) throw new OrderRefused({ code: 'unknown_sku', error: `No product with SKU "${sku}" in this bot's catalog.`, skus: [sku] });
    if (!product.active) throw new OrderRefused({ code: 'unavailable', error: `"${product.title}" is not for sale at the moment.`, skus: [sku] });
    if (product.currency !== input.effect.currency)
      throw new OrderRefused({ code: 'currency_mismatch', error: `"${product.title}" is priced in ${product.currency}, not ${input.effect.currency}.`, skus: [sku] });
    // The customer pays what the catalog asks now, not a price seen earlier in the chat.
    const stale = input.effect.items.find((item) => item.sku === sku && Math.round(item.unitPrice * 1000) !== Math.round(product.price * 1000));
    if (stale) throw new OrderRefused({ code: 'price_changed', error: `The price of "${product.title}" is now ${product.price} ${product.currency}, not ${stale.unitPrice}: please choose it again.`, skus: [sku] });
    if (product.stock === null) continue;
    // The check and the decrement are one statement in one write transaction: the last unit goes once.
    const taken = db
      .update(products)
      .set({ stock: sql`${products.stock} - ${quantity}`, updatedAt: input.now.toISOString() })
      .where(and(eq(products.botId, input.catalogId), eq(products.sku, sku), isNotNull(products.stock), gte(products.stock, quantity)))
      .run();
    if (taken.changes === 1) reserved.push({ sku, quantity });
    else soldOut.push(sku);
  }
  if (soldOut.length > 0) throw new OrderRefused({ code: 'sold_out', error: `Sold out: ${soldOut.join(', ')}.`, skus: soldOut });
  return reserved;
}

/**
 * Opens an order with its pending payment and takes its units out of stock, all in one write
 * transaction of its own: the flow must know now whether the customer got the last unit. The
 * checkout link is attached once the provider made it (`attachCheckout`), or the order is
 * cancelled (`cancelOrder`); a crash in between leaves a pending payment that expires and gives
 * the units back.
 */
export function openOrder(store: Store, input: OpenOrderInput): { ok: true; orderId: string } | { ok: false; failure: OpenOrderFailure } {
  const at = input.now.toISOString();
  const orderId = newId('ord');
  const open = store.sqlite.transaction(() => {
    const reserved = takeFromStock(store.db, input);
    const { effect } = input;
    store.db
      .insert(payments)
      .values({
        id: input.paymentId,
        botId: input.botId,
        conversationId: input.conversationId,
        sessionId: input.sessionId,
        provider: input.provider,
        status: 'pending',
        amount: effect.amount,
        currency: effect.currency,
        description: effect.description,
        items: JSON.stringify(effect.items),
        checkoutUrl: '',
        expiresAt: input.expiresAt.toISOString(),
        createdAt: at,
        updatedAt: at,
      })
      .run();
    const row = {
      id: orderId,
      botId: input.botId,
      catalogId: input.catalogId,
      conversationId: input.conversationId,
      paymentId: input.paymentId,
      status: 'pending' as const,
      items: JSON.stringify(effect.items),
      amount: effect.amount,
      currency: effect.currency,
      reserved: JSON.stringify(reserved),
      createdAt: at,
      updatedAt: at,
    };
    store.db.insert(orders).values(row).run();
    queueWebhookEvent(store.db, input.botId, 'order.created', orderView(row), at);
  });
  try {
    open.immediate();
    return { ok: true, orderId };
  } catch (error) {
    if (error instanceof OrderRefused) return { ok: false, failure: error.failure };
    throw error;
  }
}

export function attachCheckout(store: Store, paymentId: string, checkout: { url: string; providerRef?: string; expiresAt?: Date }): void {
  const changes = { checkoutUrl: checkout.url, providerRef: checkout.providerRef ?? null, ...(checkout.expiresAt ? { expiresAt: checkout.expiresAt.toISOString() } : {}) };
  store.db.update(payments).set(changes).where(eq(payments.id, paymentId)).run();
}

/** The order status a payment outcome leads to. */
const ORDER_STATUS = { paid: 'paid', failed: 'cancelled', expired: 'cancelled', refunded: 'refunded' } as const;

/**
 * Moves the order of a payment to follow the payment's outcome, inside the caller's transaction:
 * a cancelled order gives its units back to stock; every change is queued for the brand's webhooks.
 * Returns the SKUs put back in stock.
 */
export function settleOrder(db: Db, paymentId: string, outcome: keyof typeof ORDER_STATUS, at: string): string[] {
  const order = db.select().from(orders).where(eq(orders.paymentId, paymentId)).get();
  if (!order) return [];
  const status = ORDER_STATUS[outcome];
  if (order.status === status) return [];
  db.update(orders).set({ status, updatedAt: at }).where(eq(orders.id, order.id)).run();
  const restocked: string[] = [];
  if (status === 'cancelled') {
    for (const line of readJson(reservedSchema, order.reserved) ?? []) {
      db.update(products)
        .set({ stock: sql`${products.stock} + ${line.quantity}`, updatedAt: at })
        .where(and(eq(products.botId, order.catalogId), eq(products.sku, line.sku), isNotNull(products.stock)))
        .run();
      restocked.push(line.sku);
    }
  }
  queueWebhookEvent(db, order.botId, `order.${status}`, orderView({ ...order, status, updatedAt: at }), at);
  return restocked;
}

/** The provider could not make the link: the payment failed before it began, the order is cancelled. */
export function cancelOrder(store: Store, paymentId: string, now: Date): void {
  const at = now.toISOString();
  store.sqlite
    .transaction(() => {
      store.db.update(payments).set({ status: 'failed', updatedAt: at }).where(eq(payments.id, paymentId)).run();
      settleOrder(store.db, paymentId, 'failed', at);
    })
    .immediate();
}
