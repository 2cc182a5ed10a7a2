import { and, eq, inArray, or } from 'drizzle-orm';
import { queueWebhookEvent } from '../commerce/webhook-events';
import type { Store } from '../db/open';
import { perStore } from '../db/per-store';
import { type HandoffRow, events, handoffs } from '../db/schema';
import { recordInboxEvent } from './events';
import { listTeams } from '../teams/teams';
import { slaIn } from './items';

type Kind = 'first_response' | 'resolution';
const FLAG = { first_response: handoffs.firstResponseBreached, resolution: handoffs.resolutionBreached } as const;

/** Marks one promise breached, once: only the tick that flips the flag reports it. */
function breach(store: Store, handoff: HandoffRow, kind: Kind, dueAt: string | null, at: string): boolean {
  return store.db.transaction((db) => {
    const flag = FLAG[kind];
    const flipped = db
      .update(handoffs)
      .set(kind === 'first_response' ? { firstResponseBreached: true } : { resolutionBreached: true })
      .where(and(eq(handoffs.id, handoff.id), eq(flag, false)))
      .run();
    if (flipped.changes !== 1) return false;
    const data = { kind, handoffId: handoff.id, queue: handoff.queue, assigneeId: handoff.assigneeId, queuedAt: handoff.createdAt, dueAt };
    db.insert(events).values({ botId: handoff.botId, conversationId: handoff.conversationId, sessionId: handoff.sessionId, type: 'sla.breached', data: JSON.stringify(data), createdAt: at }).run();
    queueWebhookEvent(db, handoff.botId, 'handoff.sla_breached', { ...data, conversationId: handoff.conversationId, breachedAt: at }, at);
    recordInboxEvent(db, 'sla', handoff, at);
    return true;
  });
}

// Asked every second by the scheduler: prepared once per store.
const openPromises = perStore((store: Store) =>
  store.db
    .select()
    .from(handoffs)
    .where(and(inArray(handoffs.status, ['waiting', 'assigned']), or(eq(handoffs.firstResponseBreached, false), eq(handoffs.resolutionBreached, false))))
    .limit(1_000)
    .prepare(),
);

/**
 * The scheduler's SLA pass: open hand-offs whose promise fell due without being kept are marked
 * breached once each, with an `sla.breached` event, a signed `handoff.sla_breached` webhook and a
 * live `sla` event for open inboxes. Returns how many promises broke in this pass.
 */
export function checkSlaBreaches(store: Store, now: Date): number {
  const at = now.toISOString();
  const open = openPromises(store).all();
  // Runs every second: with no open hand-off, the teams (and their business hours) are not read.
  if (open.length === 0) return 0;
  const teams = new Map(listTeams(store.db).map((team) => [team.key, team]));
  let breached = 0;
  for (const handoff of open) {
    const sla = slaIn(teams.get(handoff.queue), handoff, now);
    if (!sla) continue;
    if (sla.firstResponse.state === 'breached' && !handoff.firstResponseBreached && breach(store, handoff, 'first_response', sla.firstResponse.dueAt, at)) breached++;
    if (sla.resolution.state === 'breached' && !handoff.resolutionBreached && breach(store, handoff, 'resolution', sla.resolution.dueAt, at)) breached++;
  }
  return breached;
}
