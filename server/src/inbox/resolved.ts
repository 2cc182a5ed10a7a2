import type { resolveSchema } from '@parley/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { queueWebhookEvent } from '../commerce/webhook-events';
import type { Store } from '../db/open';
import { handoffs } from '../db/schema';
import { autoAssignTeam } from './assign';
import { recordInboxEvent, recordSystemLine } from './events';

export type HandBack = z.output<typeof resolveSchema>['handBack'];

const describe = (handBack: HandBack) => (handBack.to === 'node' ? `handed back to the bot at "${handBack.nodeId}"` : handBack.to === 'waiting' ? 'handed back to the bot where it waited' : 'ended the conversation');

/**
 * What follows hand-offs being resolved at `resolvedAt` (by the inbox or the release
 * API): a transcript line, a live `resolved` event, a signed `handoff.resolved` webhook, and the freed
 * agent's team assigns its next waiting conversation.
 */
export function afterResolved(store: Store, handoffIds: readonly string[], resolvedAt: string, by: { id: string | null; name: string }, handBack: HandBack, now: Date): void {
  const { db } = store;
  if (handoffIds.length === 0) return;
  const resolved = db.select().from(handoffs).where(and(inArray(handoffs.id, [...handoffIds]), eq(handoffs.status, 'resolved'))).all();
  for (const handoff of resolved)
    db.transaction((tx) => {
      recordSystemLine(tx, handoff, 'inbox.resolved', `${by.name} resolved the conversation and ${describe(handBack)}`, resolvedAt, { handBack });
      recordInboxEvent(tx, 'resolved', handoff, resolvedAt);
      queueWebhookEvent(
        tx,
        handoff.botId,
        'handoff.resolved',
        { handoffId: handoff.id, conversationId: handoff.conversationId, queue: handoff.queue, assigneeId: handoff.assigneeId, resolvedBy: by.id, handBack, queuedAt: handoff.createdAt, firstResponseAt: handoff.firstResponseAt, resolvedAt },
        resolvedAt,
      );
    });
  for (const team of new Set(resolved.map((handoff) => handoff.queue))) autoAssignTeam(store, team, now);
}
