import { type Effect, type EffectResultInbound, type HandoffEffect, type PaymentEffect, type WaitlistEffect, isOpen, nextOpening } from '@parley/shared';
import { attachCheckout, cancelOrder, openOrder } from '../commerce/orders';
import { and, eq } from 'drizzle-orm';
import type { Store } from '../db/open';
import { products } from '../db/schema';
import { newId } from '../ids';
import { openHandoffOf } from '../inbox/handoffs';
import { hoursOf, teamByKey } from '../teams/teams';
import type { CheckoutResult, PaymentProvider } from '../payments/provider';
import type { TurnWrite } from '../turns/writes';
import { performHttp } from './http';

export interface EffectContext {
  botId: string;
  /** The bot whose catalog (and stock) this bot sells from. */
  catalogId: string;
  conversationId: string;
  sessionId: string;
  now: Date;
  writes: Pick<TurnWrite, 'handoffs' | 'timers' | 'events' | 'waitlist'>;
}

export interface EffectDeps {
  providers: ReadonlyMap<string, PaymentProvider>;
  fetch: typeof fetch;
  /** Orders and stock are written at once, in their own transaction (see commerce/orders.ts). */
  store: Store;
  /** Stock moved: cached catalogs of the bot are stale. */
  stockChanged(botId: string): void;
}

/** A provider that hangs must not hold the conversation (and its queue) forever. */
const PROVIDER_TIMEOUT_MS = 15_000;

async function withinTime(work: Promise<CheckoutResult>, ms: number): Promise<CheckoutResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ ok: false; error: string }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: `the payment provider did not answer within ${ms / 1000} s` }), ms);
  });
  try {
    return await Promise.race([work.catch((error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const result = (effectId: string, value: EffectResultInbound['result']): EffectResultInbound => ({ kind: 'effect', effectId, ok: true, result: value });
const failure = (effectId: string, error: string): EffectResultInbound => ({ kind: 'effect', effectId, ok: false, error });

async function createPayment(effect: PaymentEffect, ctx: EffectContext, deps: EffectDeps): Promise<EffectResultInbound> {
  const provider = deps.providers.get(effect.provider);
  if (!provider) return failure(effect.id, `No payment provider "${effect.provider}" is configured.`);
  const id = newId('pay');
  const expiresAt = new Date(ctx.now.getTime() + effect.expiresInMinutes * 60_000);
  // The units are taken before the link exists: of many customers at the last unit, one gets a link.
  let opened: ReturnType<typeof openOrder>;
  try {
    opened = openOrder(deps.store, { paymentId: id, botId: ctx.botId, catalogId: ctx.catalogId, conversationId: ctx.conversationId, sessionId: ctx.sessionId, provider: provider.id, effect, expiresAt, now: ctx.now });
  } catch (error) {
    // The store failed (the turn's own commit will fail too and answer 503): no link, nothing reserved.
    console.error('Opening an order failed:', error);
    return failure(effect.id, 'The order could not be stored.');
  }
  if (!opened.ok) {
    ctx.writes.events.push({ type: `order.refused`, data: { code: opened.failure.code, skus: opened.failure.skus } });
    return { kind: 'effect', effectId: effect.id, ok: false, error: opened.failure.error, code: opened.failure.code };
  }
  deps.stockChanged(ctx.catalogId);
  const checkout = await withinTime(provider.createCheckout({ id, effect, expiresAt }), PROVIDER_TIMEOUT_MS);
  if (!checkout.ok) {
    cancelOrder(deps.store, id, ctx.now);
    deps.stockChanged(ctx.catalogId);
    return failure(effect.id, checkout.error);
  }
  attachCheckout(deps.store, id, checkout);
  ctx.writes.events.push({ type: 'order.opened', data: { paymentId: id, orderId: opened.orderId, amount: effect.amount, currency: effect.currency, provider: provider.id } });
  return result(effect.id, { paymentId: id, orderId: opened.orderId, url: checkout.url, testMode: provider.testMode });
}

function joinWaitlist(effect: WaitlistEffect, ctx: EffectContext, deps: EffectDeps): EffectResultInbound {
  const known = deps.store.db.select({ sku: products.sku }).from(products).where(and(eq(products.botId, ctx.catalogId), eq(products.sku, effect.sku))).get();
  if (!known) return failure(effect.id, `No product with SKU "${effect.sku}" in the catalog: nothing to wait for.`);
  ctx.writes.waitlist.push({ botId: ctx.botId, catalogId: ctx.catalogId, sku: effect.sku, conversationId: ctx.conversationId, notice: effect.notice, createdAt: ctx.now.toISOString() });
  return result(effect.id, { sku: effect.sku });
}

/**
 * Queues the conversation in the team named by `queue` (a key no team has is a queue of its own, so
 * nothing is lost). A conversation already with people stays in its hand-off (a flow's out-of-hours
 * path leading to another hand-off node). When the team's hours say closed, the answer says so and
 * when it opens: the hand-off waits in the queue all the same. The inbox hears of it once the turn commits.
 */
function requestHandoff(effect: HandoffEffect, ctx: EffectContext, deps: EffectDeps): EffectResultInbound {
  const open = ctx.writes.handoffs.find((h) => h.conversationId === ctx.conversationId) ?? openHandoffOf(deps.store.db, ctx.conversationId);
  if (open) return result(effect.id, { accepted: true, queue: open.queue });
  ctx.writes.handoffs.push({
    id: newId('hand'),
    botId: ctx.botId,
    conversationId: ctx.conversationId,
    sessionId: ctx.sessionId,
    queue: effect.queue,
    priority: effect.priority,
    summary: effect.summary,
    status: 'waiting',
    createdAt: ctx.now.toISOString(),
  });
  const team = teamByKey(deps.store.db, effect.queue);
  const hours = team ? hoursOf(team) : null;
  if (hours && !isOpen(hours, ctx.now)) {
    const opening = nextOpening(hours, ctx.now);
    return result(effect.id, { accepted: true, queue: effect.queue, outOfHours: { nextOpening: opening ? opening.toISOString() : null, timezone: hours.timezone } });
  }
  return result(effect.id, { accepted: true, queue: effect.queue });
}

/** Performs one effect; returns the inbound that feeds its outcome back, or undefined when none comes now. */
export async function performEffect(effect: Effect, ctx: EffectContext, deps: EffectDeps): Promise<EffectResultInbound | undefined> {
  switch (effect.kind) {
    case 'http':
      return performHttp(effect, deps.fetch);
    case 'payment':
      return createPayment(effect, ctx, deps);
    case 'handoff':
      return requestHandoff(effect, ctx, deps);
    case 'waitlist':
      return joinWaitlist(effect, ctx, deps);
    case 'timer': {
      // Stored in one format, so that due timers are found by comparing text.
      const at = new Date(effect.at);
      if (Number.isNaN(at.getTime())) {
        ctx.writes.events.push({ type: 'timer.invalid', data: { timerId: effect.id, at: effect.at } });
        return undefined;
      }
      ctx.writes.timers.push({ id: newId('tmr'), conversationId: ctx.conversationId, sessionId: ctx.sessionId, fireAt: at.toISOString(), data: JSON.stringify({ timerId: effect.id, data: effect.data ?? null }), status: 'pending' });
      return undefined;
    }
  }
}
