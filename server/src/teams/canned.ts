import { type CannedResponse, cannedResponseInputSchema } from '@parley/shared';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/open';
import { type CannedResponseRow, cannedResponses } from '../db/schema';
import { type Result, fail, notFound, ok } from '../errors';
import { newId } from '../ids';

type CannedInput = z.output<typeof cannedResponseInputSchema>;

const view = (row: CannedResponseRow): CannedResponse => ({ id: row.id, shortcut: row.shortcut, text: row.text, teamKey: row.teamKey === '' ? null : row.teamKey, createdAt: row.createdAt });

export function listCanned(db: Db): CannedResponse[] {
  return db.select().from(cannedResponses).orderBy(asc(cannedResponses.shortcut), asc(cannedResponses.teamKey)).all().map(view);
}

const taken = (input: CannedInput) =>
  fail({ status: 409, code: 'shortcut_taken', field: 'shortcut', message: `"/${input.shortcut}" is already a canned response ${input.teamKey ? `in team "${input.teamKey}"` : 'for every team'}.` });

const isUnique = (error: unknown) => error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';

export function createCanned(db: Db, input: CannedInput, now: Date): Result<CannedResponse> {
  const row = { id: newId('canned'), shortcut: input.shortcut, text: input.text, teamKey: input.teamKey ?? '', createdAt: now.toISOString() };
  try {
    db.insert(cannedResponses).values(row).run();
  } catch (error) {
    if (isUnique(error)) return taken(input);
    throw error;
  }
  return ok(view(row));
}

export function updateCanned(db: Db, id: string, input: CannedInput): Result<CannedResponse> {
  const existing = db.select().from(cannedResponses).where(eq(cannedResponses.id, id)).get();
  if (!existing) return fail(notFound('Canned response', id));
  const row = { ...existing, shortcut: input.shortcut, text: input.text, teamKey: input.teamKey ?? '' };
  try {
    db.update(cannedResponses).set(row).where(eq(cannedResponses.id, id)).run();
  } catch (error) {
    if (isUnique(error)) return taken(input);
    throw error;
  }
  return ok(view(row));
}

export function deleteCanned(db: Db, id: string): Result<{ deleted: string }> {
  const removed = db.delete(cannedResponses).where(eq(cannedResponses.id, id)).run();
  return removed.changes === 1 ? ok({ deleted: id }) : fail(notFound('Canned response', id));
}
