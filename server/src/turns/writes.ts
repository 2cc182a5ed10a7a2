import type { Reply, TurnEvent } from '@parley/shared';
import { sql } from 'drizzle-orm';
import type { Store } from '../db/open';
import { conversations, events, handoffs, messages, payments, sessions, timers } from '../db/schema';

type PaymentInsert = typeof payments.$inferInsert;
type HandoffInsert = typeof handoffs.$inferInsert;
type TimerInsert = typeof timers.$inferInsert;

/** Everything one turn writes; applied in one savepoint of a group commit. */
export interface TurnWrite {
  now: string;
  conversation: { id: string; botId: string; channel: string; externalKey: string; sessionId: string | null; status: 'bot' | 'handoff' };
  session: { id: string; flowVersionId: number; status: 'active' | 'ended'; state: string; startedAt: string } | null;
  inbound: { kind: string; body: string; externalId: string | null };
  replies: Reply[];
  events: TurnEvent[];
  payments: PaymentInsert[];
  handoffs: HandoffInsert[];
  timers: TimerInsert[];
  /** Checks run first in the savepoint; one that throws rolls the whole turn back (e.g. "pay only once"). */
  guards: (() => void)[];
}

export function emptyWrites(): Pick<TurnWrite, 'events' | 'payments' | 'handoffs' | 'timers' | 'guards'> {
  return { events: [], payments: [], handoffs: [], timers: [], guards: [] };
}

const p = (name: string) => sql.placeholder(name);

export function createTurnWriter({ db }: Store): (write: TurnWrite) => void {
  const upsertConversation = db
    .insert(conversations)
    .values({ id: p('id'), botId: p('botId'), channel: p('channel'), externalKey: p('externalKey'), sessionId: p('sessionId'), status: p('status'), createdAt: p('now'), lastMessageAt: p('now') })
    .onConflictDoUpdate({ target: conversations.id, set: { sessionId: sql`excluded.session_id`, status: sql`excluded.status`, lastMessageAt: sql`excluded.last_message_at` } })
    .prepare();
  const upsertSession = db
    .insert(sessions)
    .values({ id: p('id'), conversationId: p('conversationId'), flowVersionId: p('flowVersionId'), status: p('status'), state: p('state'), startedAt: p('startedAt'), updatedAt: p('now') })
    .onConflictDoUpdate({ target: sessions.id, set: { status: sql`excluded.status`, state: sql`excluded.state`, updatedAt: sql`excluded.updated_at` } })
    .prepare();
  const insertMessage = db
    .insert(messages)
    .values({ conversationId: p('conversationId'), sessionId: p('sessionId'), botId: p('botId'), channel: p('channel'), direction: p('direction'), kind: p('kind'), body: p('body'), externalId: p('externalId'), replyTo: p('replyTo'), createdAt: p('now') })
    .prepare();
  const insertEvent = db
    .insert(events)
    .values({ botId: p('botId'), conversationId: p('conversationId'), sessionId: p('sessionId'), type: p('type'), nodeId: p('nodeId'), data: p('data'), createdAt: p('now') })
    .prepare();

  return (write) => {
    for (const guard of write.guards) guard();
    const { conversation: c, session: s, now } = write;
    upsertConversation.run({ ...c, now });
    if (s) upsertSession.run({ ...s, conversationId: c.id, now });
    const sessionId = s ? s.id : null;
    const common = { conversationId: c.id, sessionId, botId: c.botId, channel: c.channel, now };
    const inbound = insertMessage.run({ ...common, direction: 'in', kind: write.inbound.kind, body: write.inbound.body, externalId: write.inbound.externalId, replyTo: null });
    const replyTo = Number(inbound.lastInsertRowid);
    for (const reply of write.replies)
      insertMessage.run({ ...common, direction: 'out', kind: reply.type, body: JSON.stringify(reply), externalId: null, replyTo });
    for (const event of write.events)
      insertEvent.run({ botId: c.botId, conversationId: c.id, sessionId, type: event.type, nodeId: event.nodeId ?? null, data: event.data === undefined ? null : JSON.stringify(event.data), now });
    if (write.payments.length > 0) db.insert(payments).values(write.payments).run();
    if (write.handoffs.length > 0) db.insert(handoffs).values(write.handoffs).run();
    if (write.timers.length > 0) db.insert(timers).values(write.timers).run();
  };
}
