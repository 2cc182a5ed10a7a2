import { type Reply, type Session, replySchema, sessionSchema } from '@parley/shared';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Store } from '../db/open';
import { conversations, turns } from '../db/schema';

export interface ConversationState {
  key: number;
  id: string;
  botId: string;
  channel: string;
  externalKey: string;
  /** The conversation's latest session (active or ended), with the flow version it is pinned to. */
  session: { id: string; flowVersionId: number; data: Session } | null;
}

/** A person owns the conversation while its session waits silently (at a hand-off). */
export function isWithPerson(session: Session | null | undefined): boolean {
  return session !== null && session !== undefined && session.status === 'active' && session.silent;
}

export interface ConversationAddress {
  botId: string;
  channel: string;
  externalKey: string;
}

export interface AnsweredInbound {
  conversationId: string;
  replies: Reply[];
  repliesJson: string;
}

export interface TurnReader {
  conversation(address: ConversationAddress): ConversationState | undefined;
  addressOf(conversationId: string): ConversationAddress | undefined;
  answered(botId: string, channel: string, externalId: string): AnsweredInbound | undefined;
}

const repliesSchema = z.array(replySchema);

/** Reads a stored JSON column that Parley itself wrote; a value that no longer fits reads as absent. */
export function readJson<S extends z.ZodType>(schema: S, text: string | null): z.output<S> | undefined {
  if (text === null) return undefined;
  const parsed = schema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : undefined;
}

export function createTurnReader({ db }: Store): TurnReader {
  const byAddress = db
    .select({
      key: conversations.key,
      id: conversations.id,
      botId: conversations.botId,
      channel: conversations.channel,
      externalKey: conversations.externalKey,
      sessionId: turns.sessionId,
      state: turns.state,
      flowVersionId: turns.flowVersionId,
    })
    .from(conversations)
    // The conversation's state is the state saved with its latest turn.
    .leftJoin(turns, eq(turns.id, conversations.lastTurnId))
    .where(and(eq(conversations.botId, sql.placeholder('botId')), eq(conversations.channel, sql.placeholder('channel')), eq(conversations.externalKey, sql.placeholder('externalKey'))))
    .prepare();
  const address = db
    .select({ botId: conversations.botId, channel: conversations.channel, externalKey: conversations.externalKey })
    .from(conversations)
    .where(eq(conversations.id, sql.placeholder('id')))
    .prepare();
  const byExternalId = db
    .select({ conversationId: conversations.id, replies: turns.replies })
    .from(turns)
    .innerJoin(conversations, eq(conversations.key, turns.conversationKey))
    .where(and(eq(turns.botId, sql.placeholder('botId')), eq(turns.channel, sql.placeholder('channel')), eq(turns.externalId, sql.placeholder('externalId'))))
    .prepare();

  return {
    conversation(where) {
      const row = byAddress.get({ ...where });
      if (!row) return undefined;
      const data = readJson(sessionSchema, row.state);
      const session = row.sessionId !== null && row.flowVersionId !== null && data ? { id: row.sessionId, flowVersionId: row.flowVersionId, data } : null;
      return { key: row.key, id: row.id, botId: row.botId, channel: row.channel, externalKey: row.externalKey, session };
    },
    addressOf: (id) => address.get({ id }),
    answered(botId, channel, externalId) {
      const row = byExternalId.get({ botId, channel, externalId });
      return row ? { conversationId: row.conversationId, replies: readJson(repliesSchema, row.replies) ?? [], repliesJson: row.replies } : undefined;
    },
  };
}
