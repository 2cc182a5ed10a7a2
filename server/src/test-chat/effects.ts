import type { Effect, Inbound, TurnEvent } from '@parley/shared';
import { performHttp } from '../effects/http';
import type { PendingItem } from './chats';

export interface SimulatedEffect {
  /** Fed back into the flow at once, as the server would. */
  outcome?: Inbound;
  /** Waits for the editor to make it happen (pay, release, fire). */
  pending?: PendingItem;
  event?: TurnEvent;
}

/**
 * Effects in a test chat: HTTP calls are made for real (the author is testing their API); payments,
 * hand-offs, timers and waiting lists are not created for real, since a test chat has no customer, no agent
 * inbox and no scheduler: the chat shows them and lets the author pay, release or fire.
 */
export async function simulateEffect(effect: Effect, fetcher: typeof fetch, paymentId: string): Promise<SimulatedEffect> {
  switch (effect.kind) {
    case 'http':
      return { outcome: await performHttp(effect, fetcher) };
    case 'payment':
      return {
        outcome: { kind: 'effect', effectId: effect.id, ok: true, result: { paymentId, url: `#test-payment-${paymentId}`, testMode: true } },
        pending: { kind: 'payment', paymentId, amount: effect.amount, currency: effect.currency, description: effect.description },
      };
    case 'handoff':
      return { outcome: { kind: 'effect', effectId: effect.id, ok: true, result: { accepted: true, queue: effect.queue } }, pending: { kind: 'handoff', queue: effect.queue } };
    case 'waitlist':
      // Nobody is put on a real list from a test chat: the flow goes on as if they were.
      return { outcome: { kind: 'effect', effectId: effect.id, ok: true, result: { sku: effect.sku } }, event: { type: 'test.waitlist', data: { sku: effect.sku } } };
    case 'timer': {
      const at = new Date(effect.at);
      if (Number.isNaN(at.getTime())) return { event: { type: 'timer.invalid', data: { timerId: effect.id, at: effect.at } } };
      return { pending: { kind: 'timer', timerId: effect.id, at: at.toISOString(), data: effect.data ?? null } };
    }
  }
}

/** What an inbound settles: the payment paid, the hand-off released, the timer fired. */
export function settles(item: PendingItem, inbound: Inbound): boolean {
  if (item.kind === 'payment') return inbound.kind === 'payment' && inbound.paymentId === item.paymentId;
  if (item.kind === 'handoff') return inbound.kind === 'released';
  return inbound.kind === 'timer' && inbound.timerId === item.timerId;
}
