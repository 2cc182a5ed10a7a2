import type { Effect, EffectResultInbound, HandoffEffect, PaymentEffect } from '@parley/shared';
import { newId } from '../ids';
import type { PaymentProvider } from '../payments/provider';
import type { TurnWrite } from '../turns/writes';
import { performHttp } from './http';

export interface EffectContext {
  botId: string;
  conversationId: string;
  sessionId: string;
  now: Date;
  writes: Pick<TurnWrite, 'payments' | 'handoffs' | 'timers' | 'events'>;
}

export interface EffectDeps {
  providers: ReadonlyMap<string, PaymentProvider>;
  fetch: typeof fetch;
}

/** A provider that hangs must not hold the conversation (and its queue) forever. */
const PROVIDER_TIMEOUT_MS = 15_000;

async function withinTime(work: Promise<{ ok: true; url: string } | { ok: false; error: string }>, ms: number) {
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
  const checkout = await withinTime(provider.createCheckout({ id, effect, expiresAt }), PROVIDER_TIMEOUT_MS);
  if (!checkout.ok) return failure(effect.id, checkout.error);
  const stamp = ctx.now.toISOString();
  ctx.writes.payments.push({
    id,
    botId: ctx.botId,
    conversationId: ctx.conversationId,
    sessionId: ctx.sessionId,
    provider: provider.id,
    status: 'pending',
    amount: effect.amount,
    currency: effect.currency,
    description: effect.description,
    items: JSON.stringify(effect.items),
    checkoutUrl: checkout.url,
    expiresAt: expiresAt.toISOString(),
    createdAt: stamp,
    updatedAt: stamp,
  });
  ctx.writes.events.push({ type: 'payment.created', data: { paymentId: id, amount: effect.amount, currency: effect.currency, provider: provider.id } });
  return result(effect.id, { paymentId: id, url: checkout.url, testMode: provider.testMode });
}

function requestHandoff(effect: HandoffEffect, ctx: EffectContext): EffectResultInbound {
  // Agents and their availability arrive with the inbox; until then every hand-off queues for a person.
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
      return requestHandoff(effect, ctx);
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
