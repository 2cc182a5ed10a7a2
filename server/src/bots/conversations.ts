import { type Reply, sessionSchema } from '@parley/shared';
import { asc, desc, eq } from 'drizzle-orm';
import { type HandoffRow, conversations, events, handoffs, turns } from '../db/schema';
import { inConversation } from '../turns/chain';
import { isWithPerson, readJson } from '../turns/load';
import type { AppDeps } from '../deps';
import { type Result, fail, notFound, ok } from '../errors';
import { findBot } from './find';
import { openHandoffIds } from '../inbox/handoffs';
import { afterResolved } from '../inbox/resolved';

/** Stored JSON, parsed for the reader; a value that does not parse is shown as the text it is. */
function parsed(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}


/** Where a conversation stands, from its latest turn: the bot answers, or a person owns it. */
function standing(state: string | null) {
  const session = state === null ? undefined : readJson(sessionSchema, state);
  return { status: isWithPerson(session) ? ('handoff' as const) : ('bot' as const), session: session ?? null };
}

/** Newest first (by latest turn); `botId` narrows to one bot. */
export function listConversations(deps: AppDeps, query: { botId?: string; limit: number }) {
  if (query.botId !== undefined) {
    const found = findBot(deps, query.botId);
    if (!found.ok) return found;
  }
  const { db } = deps.store;
  const rows = db
    .select({ conversation: conversations, lastTurnId: turns.id, lastActivityAt: turns.createdAt, state: turns.state })
    .from(conversations)
    .leftJoin(turns, eq(turns.id, conversations.lastTurnId))
    .where(query.botId === undefined ? undefined : eq(conversations.botId, query.botId))
    .orderBy(desc(turns.id))
    .limit(query.limit)
    .all();
  return ok(rows.map((row) => ({ ...row.conversation, lastActivityAt: row.lastActivityAt, status: standing(row.state).status })));
}

/** One conversation as an agent reads it: where its session stands, its transcript and what happened. */
export function getConversation({ store }: AppDeps, conversationId: string) {
  const conversation = store.db.select().from(conversations).where(eq(conversations.id, conversationId)).get();
  if (!conversation) return fail(notFound('Conversation', conversationId));
  const log = store.db.select().from(turns).where(inConversation(conversation.key)).orderBy(asc(turns.id)).all();
  const happened = store.db.select().from(events).where(eq(events.conversationId, conversationId)).orderBy(asc(events.id)).all();
  const handoffRows: HandoffRow[] = store.db.select().from(handoffs).where(eq(handoffs.conversationId, conversationId)).orderBy(asc(handoffs.createdAt)).all();
  const latest = log[log.length - 1];
  const { status, session } = standing(latest?.state ?? null);
  // The transcript, message by message: each turn's inbound, then the replies it sent.
  const messages = log.flatMap((turn) => {
    const replies = parsed(turn.replies);
    return [
      { turnId: turn.id, direction: 'in' as const, at: turn.createdAt, externalId: turn.externalId, body: parsed(turn.inbound) },
      ...(Array.isArray(replies) ? replies : []).map((reply: unknown) => ({ turnId: turn.id, direction: 'out' as const, at: turn.createdAt, externalId: null, body: reply })),
    ];
  });
  return ok({
    conversation: { ...conversation, status },
    session: latest && latest.sessionId !== null ? { id: latest.sessionId, flowVersionId: latest.flowVersionId, state: session } : null,
    messages,
    events: happened.map((event) => ({ ...event, data: parsed(event.data) })),
    handoffs: handoffRows,
  });
}

/**
 * A person hands the conversation back to the bot: its waiting hand-offs are marked released in the
 * same commit as the turn that resumes the flow (at `nodeId` when given, else where it waited).
 */
export async function releaseConversation(deps: AppDeps, conversationId: string, options: { nodeId?: string; by?: string; byId?: string } = {}): Promise<Result<{ replies: Reply[] }>> {
  const { db } = deps.store;
  const conversation = db.select().from(conversations).where(eq(conversations.id, conversationId)).get();
  if (!conversation) return fail(notFound('Conversation', conversationId));
  const notInHandoff = fail({
    status: 409,
    code: 'not_in_handoff',
    message: `Conversation "${conversationId}" is not waiting for a person (the bot is already answering it), so there is nothing to release.`,
  });
  const latest = db
    .select({ state: turns.state, flowVersionId: turns.flowVersionId })
    .from(turns)
    .where(eq(turns.id, conversation.lastTurnId ?? 0))
    .get();
  if (!latest || standing(latest.state).status !== 'handoff') return notInHandoff;

  const { nodeId } = options;
  if (nodeId !== undefined && latest.flowVersionId !== null) {
    const version = deps.directory.version(latest.flowVersionId);
    if (version.ok && !version.version.flow.nodes.has(nodeId))
      return fail({ status: 400, code: 'invalid_input', field: 'nodeId', message: `Node "${nodeId}" is not in the flow version this conversation runs.` });
  }

  const releasedAt = deps.now().toISOString();
  const open = openHandoffIds(db, conversationId);
  const outcome = await deps.pipeline.deliver(conversationId, { kind: 'released', nodeId, by: options.by ?? 'admin' }, { kind: 'releaseHandoffs', conversationId, at: releasedAt });
  if (!outcome.ok) return outcome.error.status === 409 && outcome.error.code === 'conflict' ? notInHandoff : outcome;
  afterResolved(deps.store, open, releasedAt, { id: options.byId ?? null, name: options.by ?? 'admin' }, nodeId === undefined ? { to: 'waiting' } : { to: 'node', nodeId }, deps.now());
  return ok({ replies: outcome.value.replies });
}
