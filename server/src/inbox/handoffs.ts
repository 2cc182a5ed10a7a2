import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/open';
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

/** Hand-offs whose turn committed but that the inbox has not been told of yet. */
export function unannounced(db: Db, conversationId?: string): HandoffRow[] {
  const where = conversationId === undefined ? isNull(handoffs.announcedAt) : and(eq(handoffs.conversationId, conversationId), isNull(handoffs.announcedAt));
  return db.select().from(handoffs).where(where).orderBy(asc(handoffs.createdAt)).limit(200).all();
}

export function markAnnounced(db: Db, id: string, at: string): boolean {
  return db.update(handoffs).set({ announcedAt: at }).where(and(eq(handoffs.id, id), isNull(handoffs.announcedAt))).run().changes === 1;
}
