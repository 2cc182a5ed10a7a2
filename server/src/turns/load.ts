import { type Reply, type Session, replySchema, sessionSchema } from '@parley/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Store } from '../db/open';
import { conversations, messages, sessions } from '../db/schema';

export interface ConversationState {
  id: string;
  botId: string;
  channel: string;
  externalKey: string;
  status: 'bot' | 'handoff';
  /** The conversation's latest session (active or ended), with the flow version it is pinned to. */
  session: { id: string; flowVersionId: number; data: Session } | null;
}

export interface ConversationAddress {
  botId: string;
  channel: string;
  externalKey: string;
}

export interface AnsweredInbound {
  conversationId: string;
  replies: Reply[];
}

export interface TurnReader {
  conversation(address: ConversationAddress): ConversationState | undefined;
  conversationById(id: string): ConversationState | undefined;
  answered(botId: string, channel: string, externalId: string): AnsweredInbound | undefined;
}

export function createTurnReader({ db }: Store): TurnReader {
  const columns = {
    id: conversations.id,
    botId: conversations.botId,
    channel: conversations.channel,
    externalKey: conversations.externalKey,
    status: conversations.status,
    sessionId: sessions.id,
    flowVersionId: sessions.flowVersionId,
    state: sessions.state,
  };
  const byAddress = db
    .select(columns)
    .from(conversations)
    .leftJoin(sessions, eq(sessions.id, conversations.sessionId))
    .where(and(eq(conversations.botId, sql.placeholder('botId')), eq(conversations.channel, sql.placeholder('channel')), eq(conversations.externalKey, sql.placeholder('externalKey'))))
    .prepare();
  const byId = db.select(columns).from(conversations).leftJoin(sessions, eq(sessions.id, conversations.sessionId)).where(eq(conversations.id, sql.placeholder('id'))).prepare();
  const inboundByExternalId = db
    .select({ id: messages.id, conversationId: messages.conversationId })
    .from(messages)
    .where(and(eq(messages.botId, sql.placeholder('botId')), eq(messages.channel, sql.placeholder('channel')), eq(messages.externalId, sql.placeholder('externalId'))))
    .prepare();
  const repliesTo = db.select({ body: messages.body }).from(messages).where(eq(messages.replyTo, sql.placeholder('replyTo'))).orderBy(asc(messages.id)).prepare();

  type Row = NonNullable<ReturnType<typeof byId.get>>;
  const toState = (row: Row | undefined): ConversationState | undefined => {
    if (!row) return undefined;
    let session: ConversationState['session'] = null;
    if (row.sessionId !== null && row.flowVersionId !== null && row.state !== null) {
      const parsed = sessionSchema.safeParse(JSON.parse(row.state));
      // A stored session that no longer parses (hand-edited, older format) starts over rather than crash.
      if (parsed.success) session = { id: row.sessionId, flowVersionId: row.flowVersionId, data: parsed.data };
    }
    return { id: row.id, botId: row.botId, channel: row.channel, externalKey: row.externalKey, status: row.status, session };
  };

  return {
    conversation: (address) => toState(byAddress.get({ ...address })),
    conversationById: (id) => toState(byId.get({ id })),
    answered(botId, channel, externalId) {
      const inbound = inboundByExternalId.get({ botId, channel, externalId });
      if (!inbound) return undefined;
      const replies: Reply[] = [];
      for (const row of repliesTo.all({ replyTo: inbound.id })) {
        const reply = replySchema.safeParse(JSON.parse(row.body));
        if (reply.success) replies.push(reply.data);
      }
      return { conversationId: inbound.conversationId, replies };
    },
  };
}
