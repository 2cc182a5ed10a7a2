import { type Flow, hasErrors, validateFlow } from '@parley/shared';
import { and, desc, eq, max, sql } from 'drizzle-orm';
import { bots, flowVersions } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, fail, notFound, ok } from '../errors';
import { findBot } from './find';
import { storedFlow } from './flow-input';
import type { VersionView } from './schemas';

export interface Published {
  version: number;
  versionId: number;
}

export interface PublishOptions {
  note?: string;
  /** Who published: shown in the version list. */
  by?: string;
}

/** Checks a flow, then stores it as the bot's next version and makes that version live. */
function publishFlow(deps: AppDeps, botId: string, flow: Flow, meta: { note: string; by: string; asDraft?: boolean }): Result<Published & { revision: number }> {
  const problems = validateFlow(flow, deps.catalog);
  if (hasErrors(problems)) {
    const errors = problems.filter((problem) => problem.severity === 'error');
    return fail({
      status: 422,
      code: 'flow_has_errors',
      message: `The flow has ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} to fix before it can be published. First: ${errors[0]?.message ?? ''}`,
      details: problems,
    });
  }
  const published = deps.store.db.transaction((tx) => {
    const latest = tx.select({ version: max(flowVersions.version) }).from(flowVersions).where(eq(flowVersions.botId, botId)).get();
    const version = (latest?.version ?? 0) + 1;
    const now = deps.now().toISOString();
    const row = tx
      .insert(flowVersions)
      .values({ botId, version, flow: JSON.stringify(flow), note: meta.note, createdBy: meta.by, createdAt: now })
      .returning({ id: flowVersions.id })
      .get();
    const draft = meta.asDraft ? { draft: JSON.stringify(flow), draftRevision: sql`${bots.draftRevision} + 1` } : {};
    const bot = tx
      .update(bots)
      .set({ publishedVersionId: row.id, updatedAt: now, ...draft })
      .where(eq(bots.id, botId))
      .returning({ revision: bots.draftRevision })
      .get();
    return { version, versionId: row.id, revision: bot?.revision ?? 0 };
  });
  deps.directory.forgetBot(botId);
  return ok(published);
}

/** Publishes the draft: refused with 422 `flow_has_errors` (all problems in `details`) while it has errors. */
export function publishBot(deps: AppDeps, botId: string, options: PublishOptions = {}): Result<Published> {
  const found = findBot(deps, botId);
  if (!found.ok) return found;
  const published = publishFlow(deps, botId, storedFlow(found.value.draft), { note: options.note ?? '', by: options.by ?? 'admin' });
  return published.ok ? ok({ version: published.value.version, versionId: published.value.versionId }) : published;
}

/** Newest first. */
export function listVersions(deps: AppDeps, botId: string): Result<VersionView[]> {
  const found = findBot(deps, botId);
  if (!found.ok) return found;
  const rows = deps.store.db
    .select({ id: flowVersions.id, version: flowVersions.version, note: flowVersions.note, createdBy: flowVersions.createdBy, createdAt: flowVersions.createdAt })
    .from(flowVersions)
    .where(eq(flowVersions.botId, botId))
    .orderBy(desc(flowVersions.version))
    .all();
  return ok(rows.map((row) => ({ ...row, published: row.id === found.value.publishedVersionId })));
}

export function getVersion(deps: AppDeps, botId: string, version: number): Result<VersionView & { flow: Flow }> {
  const found = findBot(deps, botId);
  if (!found.ok) return found;
  const row = deps.store.db
    .select()
    .from(flowVersions)
    .where(and(eq(flowVersions.botId, botId), eq(flowVersions.version, version)))
    .get();
  if (!row) return fail(notFound(`Version ${version} of bot`, botId));
  return ok({
    id: row.id,
    version: row.version,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    published: row.id === found.value.publishedVersionId,
    flow: storedFlow(row.flow),
  });
}

/**
 * Goes back to an earlier version without rewriting history: its flow becomes a new version N+1,
 * published at once, and the draft (new revision) so the editor shows what now runs.
 */
export function rollback(deps: AppDeps, botId: string, version: number, by?: string): Result<Published & { revision: number }> {
  const target = getVersion(deps, botId, version);
  if (!target.ok) return target;
  const bot = findBot(deps, botId);
  if (!bot.ok) return bot;
  // The bot may have been renamed since; the flow carries the current name.
  const flow = { ...target.value.flow, name: bot.value.name };
  return publishFlow(deps, botId, flow, { note: `Rolled back to version ${version}`, by: by ?? 'admin', asDraft: true });
}
