import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { settleOrder } from '../commerce/orders';
import { bots, conversations, events, flowVersions, handoffs, inboxEvents, inboxNotes, orders, payments, products, timers, turns, waitlist, webhookDeliveries, webhooks } from '../db/schema';
import type { AppDeps } from '../deps';
import { type AppError, type Result, fail, notFound, ok } from '../errors';
import { invalidInput } from '../http/validate';
import { findBot } from './find';
import { blankFlow, flowForBot } from './flow-input';
import { type BotView, type CreateBotInput, type UpdateBotInput, createBotSchema, updateBotSchema } from './schemas';

export { findBot } from './find';
export { getDraft, saveDraft, importDraft } from './draft';
export { publishBot, listVersions, getVersion, rollback } from './versions';
export { importProducts, listProducts } from './products';
export { listConversations, getConversation, releaseConversation } from './conversations';

const botColumns = {
  id: bots.id,
  name: bots.name,
  description: bots.description,
  draftRevision: bots.draftRevision,
  publishedVersionId: bots.publishedVersionId,
  publishedVersion: flowVersions.version,
  catalogBotId: bots.catalogBotId,
  createdAt: bots.createdAt,
  updatedAt: bots.updatedAt,
};

export function listBots({ store }: AppDeps): BotView[] {
  return store.db.select(botColumns).from(bots).leftJoin(flowVersions, eq(flowVersions.id, bots.publishedVersionId)).orderBy(asc(bots.createdAt), asc(bots.id)).all();
}

export function getBot({ store }: AppDeps, botId: string): Result<BotView> {
  const row = store.db.select(botColumns).from(bots).leftJoin(flowVersions, eq(flowVersions.id, bots.publishedVersionId)).where(eq(bots.id, botId)).get();
  return row ? ok(row) : fail(notFound('Bot', botId));
}

const SUFFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `Shoe Shop!` → `shoe-shop-x7k2qa`: readable in webhook URLs, unlikely to collide. */
function slugFor(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)];
  return `${base || 'bot'}-${suffix}`;
}

export function createBot(deps: AppDeps, input: CreateBotInput): Result<BotView> {
  const parsed = createBotSchema.omit({ flow: true }).safeParse(input);
  if (!parsed.success) return fail(invalidInput(parsed.error.issues, 'Body'));
  const { name, description = '' } = parsed.data;
  const flowInput = input.flow;
  const { db } = deps.store;
  const taken = (id: string) => db.select({ id: bots.id }).from(bots).where(eq(bots.id, id)).get() !== undefined;
  let id = parsed.data.id;
  if (id !== undefined && taken(id)) return fail({ status: 409, code: 'bot_exists', field: 'id', message: `A bot with the id "${id}" already exists; choose another id.` });
  while (id === undefined || taken(id)) id = slugFor(name);

  const flow = flowInput === undefined ? ok(blankFlow(id, name)) : flowForBot(flowInput, { id, name }, 'flow');
  if (!flow.ok) return flow;
  const now = deps.now().toISOString();
  db.insert(bots).values({ id, name, description, draft: JSON.stringify(flow.value), draftRevision: 1, createdAt: now, updatedAt: now }).run();
  deps.directory.forgetBot(id);
  return getBot(deps, id);
}

export function updateBot(deps: AppDeps, botId: string, input: UpdateBotInput): Result<BotView> {
  const parsed = updateBotSchema.safeParse(input);
  if (!parsed.success) return fail(invalidInput(parsed.error.issues, 'Body'));
  const found = findBot(deps, botId);
  if (!found.ok) return found;
  const { name, description, catalogBotId } = parsed.data;
  const changes: Partial<typeof bots.$inferInsert> = { updatedAt: deps.now().toISOString() };
  if (catalogBotId !== undefined) {
    const shared = sharedCatalogProblem(deps, botId, catalogBotId);
    if (shared) return fail(shared);
    changes.catalogBotId = catalogBotId;
  }
  if (description !== undefined) changes.description = description;
  if (name !== undefined) {
    changes.name = name;
    // The draft carries the bot's name too (exports show it); renaming is not an edit of the flow, so no new revision.
    const draft: unknown = JSON.parse(found.value.draft);
    const renamed = flowForBot(draft, { id: botId, name }, 'flow');
    if (renamed.ok) changes.draft = JSON.stringify(renamed.value);
  }
  deps.store.db.update(bots).set(changes).where(eq(bots.id, botId)).run();
  deps.directory.forgetBot(botId);
  deps.directory.forgetProducts(botId);
  return getBot(deps, botId);
}

/** A bot shares the catalog of a bot that has its own (no chains), and never its own. */
function sharedCatalogProblem(deps: AppDeps, botId: string, catalogBotId: string | null): AppError | undefined {
  if (catalogBotId === null) return undefined;
  const field = 'catalogBotId';
  if (catalogBotId === botId) return { status: 400, code: 'invalid_input', field, message: 'A bot uses its own catalog by default: set catalogBotId to null for that.' };
  const owner = deps.store.db.select({ catalogBotId: bots.catalogBotId }).from(bots).where(eq(bots.id, catalogBotId)).get();
  if (!owner) return { ...notFound('Bot', catalogBotId), field };
  if (owner.catalogBotId !== null) return { status: 400, code: 'invalid_input', field, message: `"${catalogBotId}" itself sells from "${owner.catalogBotId}"'s catalog: share that one.` };
  if (deps.store.db.select({ id: bots.id }).from(bots).where(eq(bots.catalogBotId, botId)).get())
    return { status: 409, code: 'catalog_shared', field, message: `Other bots sell from "${botId}"'s catalog: it keeps its own.` };
  return undefined;
}

/** Deletes a bot with everything it ever stored, in one transaction. */
export function deleteBot(deps: AppDeps, botId: string): Result<{ deleted: string }> {
  const found = findBot(deps, botId);
  if (!found.ok) return found;
  const sharer = deps.store.db.select({ id: bots.id }).from(bots).where(eq(bots.catalogBotId, botId)).get();
  if (sharer) return fail({ status: 409, code: 'catalog_shared', message: `"${sharer.id}" sells from this bot's catalog: point it elsewhere (catalogBotId) before deleting this bot.` });
  const catalogOwner = deps.directory.catalogOf(botId);
  deps.store.db.transaction((tx) => {
    const ofBot = tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.botId, botId));
    tx.delete(timers).where(inArray(timers.conversationId, ofBot)).run();
    tx.delete(turns).where(eq(turns.botId, botId)).run();
    tx.delete(events).where(eq(events.botId, botId)).run();
    // Units held by unpaid orders go back (a shared catalog outlives this bot).
    const at = deps.now().toISOString();
    for (const order of tx.select({ paymentId: orders.paymentId }).from(orders).where(and(eq(orders.botId, botId), eq(orders.status, 'pending'))).all())
      settleOrder(tx, order.paymentId, 'failed', at);
    const hooks = tx.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.botId, botId));
    tx.delete(webhookDeliveries).where(inArray(webhookDeliveries.webhookId, hooks)).run();
    tx.delete(webhooks).where(eq(webhooks.botId, botId)).run();
    tx.delete(orders).where(eq(orders.botId, botId)).run();
    tx.delete(waitlist).where(eq(waitlist.botId, botId)).run();
    tx.delete(payments).where(eq(payments.botId, botId)).run();
    // The inbox's notes and live events about this bot's conversations go with them.
    tx.delete(inboxNotes).where(inArray(inboxNotes.conversationId, ofBot)).run();
    tx.delete(inboxEvents).where(inArray(inboxEvents.conversationId, ofBot)).run();
    tx.delete(handoffs).where(eq(handoffs.botId, botId)).run();
    tx.delete(conversations).where(eq(conversations.botId, botId)).run();
    tx.delete(products).where(eq(products.botId, botId)).run();
    tx.delete(flowVersions).where(eq(flowVersions.botId, botId)).run();
    tx.delete(bots).where(eq(bots.id, botId)).run();
  });
  deps.directory.forgetBot(botId);
  deps.directory.forgetProducts(catalogOwner);
  return ok({ deleted: botId });
}
