import { type resolveSchema, sessionSchema } from '@parley/shared';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { releaseConversation } from '../bots/conversations';
import { queueWebhookEvent } from '../commerce/webhook-events';
import { conversations, handoffs, turns } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, fail, notFound, ok } from '../errors';
import { readJson } from '../turns/load';
import type { Agent } from './actions';
import { autoAssignTeam } from './assign';
import { recordInboxEvent, recordSystemLine } from './events';
import { findOpenHandoff } from './handoffs';

type HandBack = z.output<typeof resolveSchema>['handBack'];
const handoffState = z.object({ effectId: z.string() });

/** The session as its latest turn left it. */
function sessionOf(deps: AppDeps, conversationId: string) {
  const row = deps.store.db
    .select({ state: turns.state })
    .from(turns)
    .innerJoin(conversations, eq(conversations.key, turns.conversationKey))
    .where(eq(conversations.id, conversationId))
    .orderBy(desc(turns.id))
    .limit(1)
    .get();
  return row ? readJson(sessionSchema, row.state) : undefined;
}

/** Ends the session at the hand-off node (it ends without a word), in the turn that resolves the hand-off. */
async function endConversation(deps: AppDeps, conversationId: string, at: string): Promise<Result<unknown>> {
  const session = sessionOf(deps, conversationId);
  const state = handoffState.safeParse(session?.state);
  if (!session || session.status !== 'active' || !session.silent || !state.success) return fail({ status: 409, code: 'not_in_handoff', message: 'The bot is not waiting for a person.' });
  return deps.pipeline.deliver(conversationId, { kind: 'effect', effectId: state.data.effectId, ok: true, result: { end: true } }, { kind: 'releaseHandoffs', conversationId, at });
}

const describe = (handBack: HandBack) => (handBack.to === 'node' ? `handed back to the bot at "${handBack.nodeId}"` : handBack.to === 'waiting' ? 'handed back to the bot where it waited' : 'ended the conversation');

/**
 * Resolves a hand-off: the bot continues at a node, where it waited, or the session ends. When the
 * session is no longer with a person (it ended on its own), the hand-off is resolved all the same.
 */
export async function resolve(deps: AppDeps, handoffId: string, handBack: HandBack, agent: Agent): Promise<Result<{ handoffId: string; replies: unknown[] }>> {
  const { db } = deps.store;
  const found = findOpenHandoff(db, handoffId);
  if (!found.ok) return found;
  const handoff = found.value;
  const at = deps.now().toISOString();
  let replies: unknown[] = [];
  const outcome: Result<unknown> =
    handBack.to === 'end'
      ? await endConversation(deps, handoff.conversationId, at)
      : await releaseConversation(deps, handoff.conversationId, { nodeId: handBack.to === 'node' ? handBack.nodeId : undefined, by: agent.name }).then((released) => {
          if (released.ok) replies = released.value.replies;
          return released;
        });
  if (!outcome.ok) {
    if (outcome.error.code !== 'not_in_handoff') return outcome;
    if (handBack.to === 'node') return fail({ status: 409, code: 'not_in_handoff', message: `${outcome.error.message} Resolve it with "end" instead.` });
    db.update(handoffs).set({ status: 'resolved', resolvedAt: at }).where(and(eq(handoffs.id, handoff.id), inArray(handoffs.status, ['waiting', 'assigned']))).run();
  }
  const resolved = db.select().from(handoffs).where(eq(handoffs.id, handoff.id)).get();
  if (!resolved) return fail(notFound('Hand-off', handoffId));
  recordSystemLine(db, handoff, 'inbox.resolved', `${agent.name} resolved the conversation and ${describe(handBack)}`, at, { handBack });
  recordInboxEvent(db, 'resolved', handoff, at);
  queueWebhookEvent(db, handoff.botId, 'handoff.resolved', { handoffId: handoff.id, conversationId: handoff.conversationId, queue: handoff.queue, assigneeId: handoff.assigneeId, resolvedBy: agent.id, handBack, queuedAt: handoff.createdAt, firstResponseAt: resolved.firstResponseAt, resolvedAt: resolved.resolvedAt ?? at }, at);
  // The agent has room for the next conversation waiting in the team.
  autoAssignTeam(deps.store, handoff.queue, deps.now());
  return ok({ handoffId, replies });
}
