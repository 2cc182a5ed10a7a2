import { z } from 'zod';
import { request } from './http';

/** Orders, the bot's order webhooks, and the conversation behind an order; see docs/api.md#orders. */
const enc = encodeURIComponent;

export const ORDER_STATUSES = ['pending', 'paid', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const orderItemSchema = z.object({
  sku: z.string().optional(),
  title: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
  options: z.record(z.string(), z.string()).optional(),
});
export type OrderItem = z.infer<typeof orderItemSchema>;

export const orderSchema = z.object({
  id: z.string(),
  botId: z.string(),
  conversationId: z.string(),
  paymentId: z.string(),
  status: z.enum(ORDER_STATUSES),
  items: z.array(orderItemSchema),
  amount: z.number(),
  currency: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Order = z.infer<typeof orderSchema>;

/** How many orders the page lists (the server's most). */
export const ORDER_LIMIT = 500;
export const listOrders = (botId: string, status?: OrderStatus) =>
  request('GET', `/api/bots/${enc(botId)}/orders?limit=${ORDER_LIMIT}${status ? `&status=${status}` : ''}`, z.object({ orders: z.array(orderSchema) }));

export const WEBHOOK_EVENTS = ['order.created', 'order.paid', 'order.cancelled', 'order.refunded'] as const;

const webhookSchema = z.object({ id: z.string(), url: z.string(), events: z.array(z.string()), secretHint: z.string(), createdAt: z.string() });
export type Webhook = z.infer<typeof webhookSchema>;

const deliverySchema = z.object({
  id: z.number(),
  event: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

const hooksPath = (botId: string) => `/api/bots/${enc(botId)}/webhooks`;
export const listWebhooks = (botId: string) => request('GET', hooksPath(botId), z.object({ webhooks: z.array(webhookSchema) }));
/** The secret is in this answer only. */
export const createWebhook = (botId: string, input: { url: string; events: string[] }) =>
  request('POST', hooksPath(botId), z.object({ webhook: webhookSchema, secret: z.string() }), { body: input });
export const deleteWebhook = (botId: string, hookId: string) => request('DELETE', `${hooksPath(botId)}/${enc(hookId)}`, z.object({ deleted: z.string() }));
export const listDeliveries = (botId: string, hookId: string) =>
  request('GET', `${hooksPath(botId)}/${enc(hookId)}/deliveries`, z.object({ deliveries: z.array(deliverySchema) }));

const messageSchema = z.object({ turnId: z.number(), direction: z.enum(['in', 'out']), at: z.string(), externalId: z.string().nullable(), body: z.unknown() });
export type TranscriptMessage = z.infer<typeof messageSchema>;

const conversationSchema = z.object({
  conversation: z.object({ id: z.string(), botId: z.string(), channel: z.string(), externalKey: z.string(), createdAt: z.string(), status: z.enum(['bot', 'handoff']) }).loose(),
  messages: z.array(messageSchema),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const getConversation = (id: string) => request('GET', `/api/conversations/${enc(id)}`, conversationSchema);
