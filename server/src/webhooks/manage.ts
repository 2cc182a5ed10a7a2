import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { bots, type WebhookRow, webhookDeliveries, webhooks } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, fail, notFound, ok } from '../errors';
import { newId } from '../ids';
import { readJson } from '../turns/load';

/** Every event a webhook can subscribe to; `*` takes them all. */
export const WEBHOOK_EVENTS = ['order.created', 'order.paid', 'order.cancelled', 'order.refunded', 'handoff.queued', 'handoff.resolved', 'handoff.sla_breached'] as const;

export const createWebhookSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: 'give the full http(s) address of your endpoint' })
    .max(2_000)
    .meta({ description: 'Your endpoint; it receives a signed POST for each event.' }),
  events: z
    .array(z.enum([...WEBHOOK_EVENTS, '*']))
    .min(1, 'choose at least one event, or "*" for all')
    .default(['*']),
});

const eventsSchema = z.array(z.string());

function view(row: WebhookRow) {
  return { id: row.id, url: row.url, events: readJson(eventsSchema, row.events) ?? [], secretHint: `${row.secret.slice(0, 6)}…${row.secret.slice(-4)}`, createdAt: row.createdAt };
}

const botExists = ({ store }: AppDeps, botId: string) => store.db.select({ id: bots.id }).from(bots).where(eq(bots.id, botId)).get() !== undefined;

export function listWebhooks(deps: AppDeps, botId: string): Result<ReturnType<typeof view>[]> {
  if (!botExists(deps, botId)) return fail(notFound('Bot', botId));
  return ok(deps.store.db.select().from(webhooks).where(eq(webhooks.botId, botId)).orderBy(webhooks.createdAt).all().map(view));
}

/** The secret is in this answer only: the brand keeps it to check signatures. */
export function createWebhook(deps: AppDeps, botId: string, input: z.output<typeof createWebhookSchema>): Result<{ webhook: ReturnType<typeof view>; secret: string }> {
  if (!botExists(deps, botId)) return fail(notFound('Bot', botId));
  const row: WebhookRow = {
    id: newId('hook'),
    botId,
    url: input.url,
    secret: `whsec_${randomBytes(24).toString('base64url')}`,
    events: JSON.stringify([...new Set(input.events)]),
    createdAt: deps.now().toISOString(),
  };
  deps.store.db.insert(webhooks).values(row).run();
  return ok({ webhook: view(row), secret: row.secret });
}

export function deleteWebhook(deps: AppDeps, botId: string, id: string): Result<{ deleted: string }> {
  const removed = deps.store.db.delete(webhooks).where(and(eq(webhooks.botId, botId), eq(webhooks.id, id))).run();
  return removed.changes === 1 ? ok({ deleted: id }) : fail(notFound('Webhook', id));
}

/** The latest deliveries of a webhook, with their state and last error, newest first. */
export function listDeliveries(deps: AppDeps, botId: string, id: string) {
  const hook = deps.store.db.select({ id: webhooks.id }).from(webhooks).where(and(eq(webhooks.botId, botId), eq(webhooks.id, id))).get();
  if (!hook) return fail(notFound('Webhook', id));
  const rows = deps.store.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id)).orderBy(desc(webhookDeliveries.id)).limit(100).all();
  return ok(rows.map(({ body: _body, webhookId: _hook, ...delivery }) => delivery));
}
