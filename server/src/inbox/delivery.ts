import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { channelDeliveries, events } from '../db/schema';
import type { AppDeps } from '../deps';
import { readJson } from '../turns/load';

type Delivery = 'sent' | 'pending' | 'failed' | 'blocked';
const channelEvent = z.object({ detail: z.object({ turnId: z.number().nullable(), message: z.string().optional(), reason: z.string().optional() }) });

/**
 * Where each agent message of a conversation stands on its channel, from the delivery outbox: sent,
 * still pending (retrying), failed (refused, or retries ran out) or blocked (the window had closed).
 * Channels that do not push (the web widget reads its stream) have nothing pending.
 */
export function deliveryStates(deps: AppDeps, conversation: { key: number; id: string; channel: string }): (turnId: number) => { delivery: Delivery; error: string | null } {
  const { db } = deps.store;
  if (!deps.channels.get(conversation.channel)?.pushes) return () => ({ delivery: 'sent', error: null });
  const row = db.select().from(channelDeliveries).where(eq(channelDeliveries.conversationKey, conversation.key)).get();
  const problems = new Map<number, { delivery: Delivery; error: string | null }>();
  const rows = db
    .select({ type: events.type, data: events.data })
    .from(events)
    .where(and(eq(events.conversationId, conversation.id), inArray(events.type, ['channel.send_failed', 'channel.window_closed'])))
    .all();
  for (const event of rows) {
    const data = readJson(channelEvent, event.data)?.detail;
    if (!data || data.turnId === null) continue;
    problems.set(data.turnId, event.type === 'channel.send_failed' ? { delivery: 'failed', error: data.message ?? null } : { delivery: 'blocked', error: data.reason ?? null });
  }
  return (turnId) => {
    const problem = problems.get(turnId);
    if (problem) return problem;
    if (row && turnId <= row.deliveredTurnId) return { delivery: 'sent', error: null };
    return { delivery: 'pending', error: row?.pendingTurnId === turnId ? row.lastError : null };
  };
}
