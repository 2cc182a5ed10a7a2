import type { TurnEvent } from '@parley/shared';
import { eq, sql } from 'drizzle-orm';
import type { Store } from '../db/open';
import { conversations, events, handoffs, payments, sessions, timers, turns } from '../db/schema';

type PaymentInsert = typeof payments.$inferInsert;
type HandoffInsert = typeof handoffs.$inferInsert;
type TimerInsert = typeof timers.$inferInsert;

/**
 * Everything one turn writes, applied inside a group commit. Most turns write one row (the turn);
 * the conversation and session rows change only when a session starts or ends, or a person takes over.
 */
export interface TurnWrite {
  now: string;
  conversation: { id: string; botId: string; channel: string; externalKey: string; sessionId: string | null; status: 'bot' | 'handoff' };
  /** Insert the conversation, update it (new session, hand-off), or leave it. */
  conversationWrite: 'insert' | 'update' | 'none';
  /** A session that starts with this turn. */
  sessionStart: { id: string; flowVersionId: number; startedAt: string } | null;
  /** The id of a session that ended with this turn. */
  sessionEnd: string | null;
  sessionRepin: { id: string; flowVersionId: number } | null;
  turn: { sessionId: string | null; kind: string; inbound: string; externalId: string | null; replies: string; state: string | null };
  events: TurnEvent[];
  payments: PaymentInsert[];
  handoffs: HandoffInsert[];
  timers: TimerInsert[];
  /** Checks run first; one that throws fails the turn (e.g. "pay only once"). */
  guards: (() => void)[];
}

export function emptyWrites(): Pick<TurnWrite, 'events' | 'payments' | 'handoffs' | 'timers' | 'guards'> {
  return { events: [], payments: [], handoffs: [], timers: [], guards: [] };
}

const p = (name: string) => sql.placeholder(name);

/** Engine events that the sessions table already records; not repeated as event rows. */
const RECORDED_BY_SESSIONS = new Set(['session.started', 'session.ended']);

export function createTurnWriter({ db }: Store): (write: TurnWrite) => void {
  const insertConversation = db
    .insert(conversations)
    .values({ id: p('id'), botId: p('botId'), channel: p('channel'), externalKey: p('externalKey'), sessionId: p('sessionId'), status: p('status'), createdAt: p('now'), updatedAt: p('now') })
    .prepare();
  const updateConversation = db
    .update(conversations)
    .set({ sessionId: sql`${p('sessionId')}`, status: sql`${p('status')}`, updatedAt: sql`${p('now')}` })
    .where(eq(conversations.id, p('id')))
    .prepare();
  const insertSession = db
    .insert(sessions)
    .values({ id: p('id'), conversationId: p('conversationId'), flowVersionId: p('flowVersionId'), status: 'active', startedAt: p('startedAt') })
    .prepare();
  const repinSession = db.update(sessions).set({ flowVersionId: sql`${p('flowVersionId')}` }).where(eq(sessions.id, p('id'))).prepare();
  const endSession = db.update(sessions).set({ status: 'ended', endedAt: sql`${p('now')}` }).where(eq(sessions.id, p('id'))).prepare();
  const insertTurn = db
    .insert(turns)
    .values({ conversationId: p('conversationId'), sessionId: p('sessionId'), botId: p('botId'), channel: p('channel'), kind: p('kind'), inbound: p('inbound'), externalId: p('externalId'), replies: p('replies'), state: p('state'), createdAt: p('now') })
    .prepare();
  const insertEvent = db
    .insert(events)
    .values({ botId: p('botId'), conversationId: p('conversationId'), sessionId: p('sessionId'), type: p('type'), nodeId: p('nodeId'), data: p('data'), createdAt: p('now') })
    .prepare();

  return (write) => {
    for (const guard of write.guards) guard();
    const { conversation: c, now } = write;
    if (write.conversationWrite === 'insert') insertConversation.run({ ...c, now });
    else if (write.conversationWrite === 'update') updateConversation.run({ id: c.id, sessionId: c.sessionId, status: c.status, now });
    if (write.sessionStart) insertSession.run({ ...write.sessionStart, conversationId: c.id });
    if (write.sessionRepin) repinSession.run(write.sessionRepin);
    if (write.sessionEnd) endSession.run({ id: write.sessionEnd, now });
    insertTurn.run({ ...write.turn, conversationId: c.id, botId: c.botId, channel: c.channel, now });
    for (const event of write.events) {
      if (RECORDED_BY_SESSIONS.has(event.type)) continue;
      insertEvent.run({ botId: c.botId, conversationId: c.id, sessionId: write.turn.sessionId, type: event.type, nodeId: event.nodeId ?? null, data: event.data === undefined ? null : JSON.stringify(event.data), now });
    }
    if (write.payments.length > 0) db.insert(payments).values(write.payments).run();
    if (write.handoffs.length > 0) db.insert(handoffs).values(write.handoffs).run();
    if (write.timers.length > 0) db.insert(timers).values(write.timers).run();
  };
}
