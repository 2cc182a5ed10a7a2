import { type Flow, type FlowProblem, validateFlow } from '@parley/shared';
import { and, eq, sql } from 'drizzle-orm';
import { bots } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, fail, ok } from '../errors';
import { findBot } from './find';
import { flowForBot, storedFlow } from './flow-input';

export interface DraftView {
  flow: Flow;
  revision: number;
  problems: FlowProblem[];
}

export interface SavedDraft {
  revision: number;
  problems: FlowProblem[];
}

export function getDraft(deps: AppDeps, botId: string): Result<DraftView> {
  const found = findBot(deps, botId);
  if (!found.ok) return found;
  const flow = storedFlow(found.value.draft);
  return ok({ flow, revision: found.value.draftRevision, problems: validateFlow(flow, deps.catalog) });
}

export const editedElsewhere = (current: number) =>
  fail({
    status: 409,
    code: 'edited_elsewhere',
    field: 'revision',
    message: 'This bot was changed in another tab or by someone else; reload to see their changes.',
    details: { revision: current },
  });

/** Replaces the draft and bumps its revision; with `expectedRevision`, only if nobody saved in between. */
function storeDraft(deps: AppDeps, botId: string, flow: Flow, expectedRevision?: number): Result<number> {
  const where = expectedRevision === undefined ? eq(bots.id, botId) : and(eq(bots.id, botId), eq(bots.draftRevision, expectedRevision));
  const row = deps.store.db
    .update(bots)
    .set({ draft: JSON.stringify(flow), draftRevision: sql`${bots.draftRevision} + 1`, updatedAt: deps.now().toISOString() })
    .where(where)
    .returning({ revision: bots.draftRevision })
    .get();
  if (row) return ok(row.revision);
  const found = findBot(deps, botId);
  return found.ok ? editedElsewhere(found.value.draftRevision) : found;
}

/**
 * Saves the editor's flow as the draft (problems and all: a half-drawn flow is worth keeping).
 * `prefix` names where the flow sits in the request body, for field names in errors.
 */
export function saveDraft(deps: AppDeps, botId: string, flowInput: unknown, expectedRevision?: number, prefix = 'flow'): Result<SavedDraft> {
  const found = findBot(deps, botId);
  if (!found.ok) return found;
  if (expectedRevision !== undefined && expectedRevision !== found.value.draftRevision) return editedElsewhere(found.value.draftRevision);
  const flow = flowForBot(flowInput, found.value, prefix);
  if (!flow.ok) return flow;
  const revision = storeDraft(deps, botId, flow.value, expectedRevision);
  if (!revision.ok) return revision;
  return ok({ revision: revision.value, problems: validateFlow(flow.value, deps.catalog) });
}

/** A flow file (any format version) replaces the draft, whatever revision it was at. */
export function importDraft(deps: AppDeps, botId: string, file: unknown): Result<SavedDraft> {
  return saveDraft(deps, botId, file, undefined, '');
}

/** Used by rollback: sets the draft to a known-good flow. */
export function replaceDraft(deps: AppDeps, botId: string, flow: Flow): Result<number> {
  return storeDraft(deps, botId, flow);
}
