import { type BusinessHours, type InboxItem, type Inbound, type Team, inboundSchema, slaStatus } from '@parley/shared';
import { eq } from 'drizzle-orm';
import { contactProfile } from '../channels/contacts';
import type { Store } from '../db/open';
import { type HandoffRow, bots, conversations, turns } from '../db/schema';
import { isLatestFromCustomer } from '../turns/chain';
import { readJson } from '../turns/load';
import { hoursOf, teamByKey } from '../teams/teams';
import { userName } from './assign';

/** A team without business hours is always open: its SLA counts every minute. */
const ALWAYS_OPEN: BusinessHours = {
  timezone: 'UTC',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ from: '00:00', to: '24:00' }]])),
};

/** What a customer's message says, for the list and the transcript. */
export function inboundText(inbound: Inbound): string {
  switch (inbound.kind) {
    case 'text':
      return inbound.text;
    case 'postback':
      return inbound.title ?? inbound.payload;
    case 'attachment':
      return inbound.caption ?? inbound.name ?? `[${inbound.attachmentType}]`;
    default:
      return '';
  }
}

/** Both SLA clocks of a hand-off, in its team's hours; null when the team promises nothing. */
export function slaOf(store: Store, handoff: HandoffRow, now: Date): InboxItem['sla'] {
  return slaIn(teamByKey(store.db, handoff.queue), handoff, now);
}

export function slaIn(team: Team | undefined, handoff: HandoffRow, now: Date): InboxItem['sla'] {
  if (!team?.sla) return null;
  const clocks = slaStatus(
    hoursOf(team) ?? ALWAYS_OPEN,
    team.sla,
    { queuedAt: new Date(handoff.createdAt), firstResponseAt: handoff.firstResponseAt ? new Date(handoff.firstResponseAt) : null, resolvedAt: handoff.resolvedAt ? new Date(handoff.resolvedAt) : null },
    now,
  );
  const view = (clock: (typeof clocks)['firstResponse']) => ({
    dueAt: clock.dueAt ? clock.dueAt.toISOString() : null,
    remainingMinutes: clock.remainingMinutes === null ? null : Math.round(clock.remainingMinutes * 10) / 10,
    state: clock.state,
  });
  return { firstResponse: view(clocks.firstResponse), resolution: view(clocks.resolution) };
}

/** One hand-off as the inbox lists it. */
export function itemOf(store: Store, handoff: HandoffRow, now: Date): InboxItem {
  const { db } = store;
  const conversation = db.select().from(conversations).where(eq(conversations.id, handoff.conversationId)).get();
  const bot = db.select({ name: bots.name }).from(bots).where(eq(bots.id, handoff.botId)).get();
  const channel = conversation?.channel ?? 'unknown';
  const externalKey = conversation?.externalKey ?? '';
  const contact = conversation ? contactProfile(store, conversation) : {};
  const latest = conversation ? db.select({ createdAt: turns.createdAt }).from(turns).where(eq(turns.id, conversation.lastTurnId ?? 0)).get() : undefined;
  const lastCustomer = conversation
    ? db.select({ inbound: turns.inbound }).from(turns).where(isLatestFromCustomer(conversation.key)).get()
    : undefined;
  const inbound = lastCustomer ? readJson(inboundSchema, lastCustomer.inbound) : undefined;
  const priority = handoff.priority === 'low' || handoff.priority === 'high' || handoff.priority === 'urgent' ? handoff.priority : 'normal';
  return {
    id: handoff.id,
    conversationId: handoff.conversationId,
    botId: handoff.botId,
    botName: bot?.name ?? handoff.botId,
    channel,
    contact: { name: contact.name ?? null, externalKey },
    teamKey: handoff.queue,
    priority,
    summary: handoff.summary,
    status: handoff.status,
    assigneeId: handoff.assigneeId,
    assigneeName: handoff.assigneeId ? userName(db, handoff.assigneeId) : null,
    queuedAt: handoff.createdAt,
    firstResponseAt: handoff.firstResponseAt,
    resolvedAt: handoff.resolvedAt,
    lastMessage: inbound ? inboundText(inbound) : null,
    lastActivityAt: [latest?.createdAt ?? handoff.createdAt, handoff.createdAt, handoff.resolvedAt ?? ''].sort().at(-1) ?? handoff.createdAt,
    sla: slaOf(store, handoff, now),
  };
}
