import type { TurnEvent } from '@parley/shared';
import { sql } from 'drizzle-orm';
import type { Store } from '../db/open';
import { forgetPeopleFree, rememberPeopleFree } from '../inbox/people-free';
import { namedStatement, positionalStatement } from '../db/raw';
import { conversations, events, handoffs, timers, turns, waitlist } from '../db/schema';
import { conversationKey } from './conversation-cache';
import { type TurnGuard, applyGuard } from './guards';
import { knownConversations } from './known-conversations';

type WaitlistInsert = typeof waitlist.$inferInsert;
type HandoffInsert = typeof handoffs.$inferInsert;
type TimerInsert = typeof timers.$inferInsert;

/**
 * Everything one turn writes, applied inside a group commit: the turn row, the conversation row when
 * the conversation is new, and what the turn's effects and events add.
 */
export interface TurnWrite {
  /** `key` is absent for a new conversation: the writer inserts it and returns the key it got. */
  conversation: { key: number | undefined; id: string; botId: string; channel: string; externalKey: string };
  turn: {
    sessionId: string | null;
    flowVersionId: number | null;
    kind: string;
    inbound: string;
    externalId: string | null;
    replies: string;
    state: string | null;
    createdAt: string;
  };
  events: TurnEvent[];
  waitlist: WaitlistInsert[];
  handoffs: HandoffInsert[];
  timers: TimerInsert[];
  /** Checks run first; one that throws fails the turn (e.g. "pay only once"). */
  guards: TurnGuard[];
}

/** A turn's writes before its effects add theirs; `events` may be a list the turn already owns. */
export function emptyWrites(events: TurnEvent[] = []): Pick<TurnWrite, 'events' | 'waitlist' | 'handoffs' | 'timers' | 'guards'> {
  return { events, waitlist: [], handoffs: [], timers: [], guards: [] };
}

const p = (name: string) => sql.placeholder(name);

/** Engine events that the turn log already records (session ids and states); not repeated as rows. */
const RECORDED_BY_TURNS = new Set(['session.started', 'session.ended']);

/** Applies one turn's write; returns the conversation's key (new conversations get theirs here). */
export function createTurnWriter(store: Store): (write: TurnWrite) => number {
  const { db, sqlite } = store;
  const known = knownConversations(store);
  const insertConversation = positionalStatement(
    sqlite,
    db.insert(conversations).values({ id: p('id'), botId: p('botId'), channel: p('channel'), externalKey: p('externalKey'), createdAt: p('createdAt') }),
    ['id', 'botId', 'channel', 'externalKey', 'createdAt'],
  );
  const insertTurn = positionalStatement(
    sqlite,
    db.insert(turns).values({
      conversationKey: p('conversationKey'),
      // Linked to the conversation's chain here; the trigger `turns_chain_head` then makes it the head.
      prevTurnId: sql`(select ${conversations.lastTurnId} from ${conversations} where ${conversations.key} = ${p('conversationKey')})`,
      sessionId: p('sessionId'),
      flowVersionId: p('flowVersionId'),
      botId: p('botId'),
      channel: p('channel'),
      kind: p('kind'),
      inbound: p('inbound'),
      externalId: p('externalId'),
      replies: p('replies'),
      state: p('state'),
      createdAt: p('createdAt'),
    }),
    ['conversationKey', 'conversationKey', 'sessionId', 'flowVersionId', 'botId', 'channel', 'kind', 'inbound', 'externalId', 'replies', 'state', 'createdAt'],
    // Its constraints (not null, the message id's unique index) are checked before it writes, and the
    // chain's trigger runs after: nothing to undo when one fails, so no statement journal (see raw.ts).
    { orFail: true },
  );
  const insertEvent = namedStatement(
    sqlite,
    db.insert(events).values({ botId: p('botId'), conversationId: p('conversationId'), sessionId: p('sessionId'), type: p('type'), nodeId: p('nodeId'), data: p('data'), createdAt: p('createdAt') }),
  );

  return (write) => {
    for (const guard of write.guards) applyGuard(db, guard);
    const { conversation: c, turn: t } = write;
    let key = c.key;
    if (key === undefined) {
      const inserted = insertConversation.run(c.id, c.botId, c.channel, c.externalKey, t.createdAt);
      key = Number(inserted.lastInsertRowid);
      known.add(conversationKey(c));
      // A new conversation has no hand-off but those this write adds: the inbox's after-turn check need not look.
      if (write.handoffs.length === 0) rememberPeopleFree(store, c.id);
    }
    // In the order given to `positionalStatement` above.
    insertTurn.run(key, key, t.sessionId, t.flowVersionId, c.botId, c.channel, t.kind, t.inbound, t.externalId, t.replies, t.state, t.createdAt);
    for (const event of write.events) {
      if (RECORDED_BY_TURNS.has(event.type)) continue;
      insertEvent.run({ botId: c.botId, conversationId: c.id, sessionId: t.sessionId, type: event.type, nodeId: event.nodeId ?? null, data: event.data === undefined ? null : JSON.stringify(event.data), createdAt: t.createdAt });
    }
    // Joining again keeps the place in the list and waits anew (after a notice, for the next restock).
    if (write.waitlist.length > 0)
      db.insert(waitlist)
        .values(write.waitlist)
        .onConflictDoUpdate({ target: [waitlist.botId, waitlist.sku, waitlist.conversationId], set: { notice: sql`excluded.notice`, notifiedAt: null } })
        .run();
    if (write.handoffs.length > 0) {
      db.insert(handoffs).values(write.handoffs).run();
      for (const handoff of write.handoffs) forgetPeopleFree(store, handoff.conversationId);
    }
    if (write.timers.length > 0) db.insert(timers).values(write.timers).run();
    return key;
  };
}
