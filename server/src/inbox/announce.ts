import { type Inbound, isFromCustomer } from '@parley/shared';
import type { Store } from '../db/open';
import { queueWebhookEvent } from '../commerce/webhook-events';
import type { TurnListener } from '../turns/listeners';
import { autoAssignTeam } from './assign';
import { type InboxLive, recordInboxEvent, recordSystemLine } from './events';
import { markAnnounced, openHandoffOf, unannounced } from './handoffs';
import { isPeopleFree } from './people-free';

/**
 * Tells the inbox of hand-offs committed since: an inbox event, a `handoff.queued` webhook, a line in
 * the transcript, then round-robin in their team. Once each (the `announced_at` mark).
 */
export function announceHandoffs(store: Store, now: Date, conversationId?: string): number {
  const at = now.toISOString();
  const teams = new Set<string>();
  let count = 0;
  for (const handoff of unannounced(store.db, conversationId)) {
    // The mark and what it announces commit together: a crash between them neither loses nor repeats one.
    const announced = store.db.transaction((tx) => {
      if (!markAnnounced(tx, handoff.id, at)) return false;
      recordSystemLine(tx, handoff, 'inbox.queued', `Handed to the "${handoff.queue}" queue`, at, { priority: handoff.priority });
      recordInboxEvent(tx, 'queued', handoff, at);
      queueWebhookEvent(tx, handoff.botId, 'handoff.queued', { handoffId: handoff.id, conversationId: handoff.conversationId, queue: handoff.queue, priority: handoff.priority, summary: handoff.summary, queuedAt: handoff.createdAt }, at);
      return true;
    });
    if (!announced) continue;
    count++;
    if (handoff.status === 'waiting') teams.add(handoff.queue);
  }
  for (const team of teams) autoAssignTeam(store, team, now);
  return count;
}

/** After a turn: new hand-offs are announced; a customer's message to a conversation with people is an inbox `message`. */
export function afterTurn(store: Store, live: InboxLive, conversationId: string, inbound: Inbound, now: Date): void {
  if (isPeopleFree(store, conversationId)) return;
  const announced = announceHandoffs(store, now, conversationId);
  if (isFromCustomer(inbound)) {
    const open = openHandoffOf(store.db, conversationId);
    if (open && announced === 0) recordInboxEvent(store.db, 'message', open, now.toISOString());
  }
  live.ring();
}

/** Tells the inbox what each committed turn changed (replies sent from outside a flow change nothing there). */
export function inboxTurnListener(store: Store, live: InboxLive, clock: () => Date): TurnListener {
  const after = (conversationId: string, inbound: Inbound) => {
    try {
      afterTurn(store, live, conversationId, inbound, clock());
    } catch (error) {
      // The turn is committed; the scheduler's sweep announces what was missed.
      console.error('Inbox update after a turn failed:', error);
    }
  };
  return {
    received: (_address, inbound, outcome) => {
      if (!outcome.duplicate) after(outcome.conversationId, inbound);
    },
    delivered: (conversationId, inbound) => after(conversationId, inbound),
  };
}
