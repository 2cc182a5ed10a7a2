import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { perStore } from '../db/per-store';
import { type HandoffRow, handoffs } from '../db/schema';
import { type Result, fail, notFound, ok } from '../errors';

/** Ids of a conversation's open hand-offs (what a release resolves). */
export function openHandoffIds(db: Db, conversationId: string): string[] {
  return db
    .select({ id: handoffs.id })
    .from(handoffs)
    .where(and(eq(handoffs.conversationId, conversationId), inArray(handoffs.status, ['waiting', 'assigned'])))
    .all()
    .map((row) => row.id);
}

/** The hand-off a conversation is in now (waiting or assigned), if any. */
export function openHandoffOf(db: Db, conversationId: string): HandoffRow | undefined {
  return db
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.conversationId, conversationId), inArray(handoffs.status, ['waiting', 'assigned'])))
    .orderBy(asc(handoffs.createdAt))
    .get();
}

export function findHandoff(db: Db, id: string): Result<HandoffRow> {
  const row = db.select().from(handoffs).where(eq(handoffs.id, id)).get();
  return row ? ok(row) : fail(notFound('Hand-off', id));
}

/** An open hand-off, or why the action cannot apply to it. */
export function findOpenHandoff(db: Db, id: string): Result<HandoffRow> {
  const found = findHandoff(db, id);
  if (!found.ok) return found;
  if (found.value.status === 'resolved') return fail({ status: 409, code: 'handoff_resolved', message: `Hand-off "${id}" is already resolved: the bot has the conversation.` });
  return found;
}

// The scheduler sweeps every second, and turns with people ask for their conversation: prepared once.
const unannouncedQueries = perStore((db: Db) => ({
  all: db.select().from(handoffs).where(isNull(handoffs.announcedAt)).orderBy(asc(handoffs.createdAt)).limit(200).prepare(),
  ofConversation: db
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.conversationId, sql.placeholder('conversationId')), isNull(handoffs.announcedAt)))
    .orderBy(asc(handoffs.createdAt))
    .limit(200)
    .prepare(),
}));

/** Hand-offs whose turn committed but that the inbox has not been told of yet. */
export function unannounced(db: Db, conversationId?: string): HandoffRow[] {
  const queries = unannouncedQueries(db);
  return conversationId === undefined ? queries.all.all() : queries.ofConversation.all({ conversationId });
}

export function markAnnounced(db: Db, id: string, at: string): boolean {
  return db.update(handoffs).set({ announcedAt: at }).where(and(eq(handoffs.id, id), isNull(handoffs.announcedAt))).run().changes === 1;
}
