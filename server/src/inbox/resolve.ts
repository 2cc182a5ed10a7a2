import { sessionSchema } from '@parley/shared';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { releaseConversation } from '../bots/conversations';
import { conversations, handoffs, turns } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, fail, ok } from '../errors';
import { readJson } from '../turns/load';
import type { Agent } from './actions';
import { findOpenHandoff, openHandoffIds } from './handoffs';
import { type HandBack, afterResolved } from './resolved';

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
  const open = openHandoffIds(db, handoff.conversationId);
  let replies: unknown[] = [];
  const outcome: Result<unknown> =
    handBack.to === 'end'
      ? await endConversation(deps, handoff.conversationId, at)
      : await releaseConversation(deps, handoff.conversationId, { nodeId: handBack.to === 'node' ? handBack.nodeId : undefined, by: agent.name, byId: agent.id }).then((released) => {
          if (released.ok) replies = released.value.replies;
          return released;
        });
  if (!outcome.ok) {
    if (outcome.error.code !== 'not_in_handoff') return outcome;
    if (handBack.to === 'node') return fail({ status: 409, code: 'not_in_handoff', message: `${outcome.error.message} Resolve it with "end" instead.` });
    db.update(handoffs).set({ status: 'resolved', resolvedAt: at }).where(and(eq(handoffs.id, handoff.id), inArray(handoffs.status, ['waiting', 'assigned']))).run();
  }
  // A release did this bookkeeping itself (bots/conversations.ts); ending, or resolving a session gone, does it here.
  if (handBack.to === 'end' || !outcome.ok) afterResolved(deps.store, open, at, agent, handBack, deps.now());
  return ok({ handoffId, replies });
}
