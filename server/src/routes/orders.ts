import { and, desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { orderView } from '../commerce/orders';
import { bots, orders } from '../db/schema';
import type { AppDeps } from '../deps';
import { errorResponse, notFound } from '../errors';
import { queryParams } from '../http/validate';

const listQuery = z.object({
  status: z.enum(['pending', 'paid', 'cancelled', 'refunded']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Orders, newest first, each with the conversation that produced it. */
export function orderRoutes({ store, docs }: AppDeps) {
  const tag = 'Commerce';
  docs.add(
    { method: 'get', path: '/api/bots/{id}/orders', summary: "The bot's orders, newest first", tag, query: listQuery, responses: { 200: { description: 'Orders' }, 404: { description: 'Unknown bot' } } },
    { method: 'get', path: '/api/orders/{id}', summary: 'One order', tag, responses: { 200: { description: 'The order' }, 404: { description: 'Unknown order' } } },
  );
  const bot = new Hono().get('/:id/orders', queryParams(listQuery), (c) => {
    const botId = c.req.param('id');
    if (!store.db.select({ id: bots.id }).from(bots).where(eq(bots.id, botId)).get()) return errorResponse(c, notFound('Bot', botId));
    const { status, limit } = c.req.valid('query');
    const rows = store.db
      .select()
      .from(orders)
      .where(status === undefined ? eq(orders.botId, botId) : and(eq(orders.botId, botId), eq(orders.status, status)))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(limit)
      .all();
    return c.json({ orders: rows.map(orderView) });
  });
  const single = new Hono().get('/:id', (c) => {
    const row = store.db.select().from(orders).where(eq(orders.id, c.req.param('id'))).get();
    return row ? c.json(orderView(row)) : errorResponse(c, notFound('Order', c.req.param('id')));
  });
  return { bot, single };
}
