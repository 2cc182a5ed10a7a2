import type { assignSchema } from '@parley/shared';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Caller } from '../auth/caller';
import { type HandoffRow, agentPresence, handoffs, inboxNotes, users } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, fail, ok } from '../errors';
import { newId } from '../ids';
import { assignHandoff, autoAssignTeam, teamsOfMember, userName } from './assign';
import { recordInboxEvent, recordSystemLine } from './events';
import { findHandoff, findOpenHandoff } from './handoffs';

export interface Agent {
  id: string;
  name: string;
}

/** Who acts in the inbox: a signed-in person, or "admin" for the admin token (scripts). */
export function agentOf(caller: Caller): Agent {
  return caller.kind === 'user' ? { id: caller.user.id, name: caller.user.name } : { id: 'admin', name: 'Admin' };
}

/** The signed-in agent takes a waiting conversation. */
export function claim(deps: AppDeps, handoffId: string, agent: Agent): Result<{ handoffId: string }> {
  const { db } = deps.store;
  const found = findOpenHandoff(db, handoffId);
  if (!found.ok) return found;
  const handoff = found.value;
  if (handoff.assigneeId === agent.id) return ok({ handoffId });
  if (handoff.status === 'assigned' && handoff.assigneeId !== null)
    return fail({ status: 409, code: 'already_assigned', message: `${userName(db, handoff.assigneeId)} already has this conversation; ask them, or assign it.` });
  if (!assignHandoff(db, handoff, agent.id, deps.now().toISOString(), 'claimed')) return fail({ status: 409, code: 'already_assigned', message: 'Someone took this conversation a moment ago.' });
  return ok({ handoffId });
}

/** To an agent, back to the queue (agentId null), or to another team (teamKey): a transfer. */
export function assign(deps: AppDeps, handoffId: string, to: z.output<typeof assignSchema>, by: Agent): Result<{ handoffId: string }> {
  const { db } = deps.store;
  const found = findOpenHandoff(db, handoffId);
  if (!found.ok) return found;
  const handoff = found.value;
  const now = deps.now();
  const at = now.toISOString();
  if (typeof to.agentId === 'string' && !db.select({ id: users.id }).from(users).where(eq(users.id, to.agentId)).get())
    return fail({ status: 400, code: 'invalid_input', field: 'agentId', message: `Body field "agentId": no user has the id "${to.agentId}".` });
  const freed = handoff.status === 'assigned' ? handoff.queue : null;
  let current = handoff;
  if (to.teamKey !== undefined && to.teamKey !== handoff.queue) {
    const moved: HandoffRow = { ...handoff, queue: to.teamKey, status: 'waiting', assigneeId: null };
    db.transaction((tx) => {
      tx.update(handoffs).set({ queue: moved.queue, status: 'waiting', assigneeId: null }).where(eq(handoffs.id, handoff.id)).run();
      recordSystemLine(tx, moved, 'inbox.transferred', `${by.name} transferred the conversation from "${handoff.queue}" to "${moved.queue}"`, at, { from: handoff.queue, to: moved.queue });
      recordInboxEvent(tx, 'assigned', moved, at);
    });
    current = moved;
  }
  if (typeof to.agentId === 'string') assignHandoff(db, current, to.agentId, at, 'assigned');
  else if (to.agentId === null && current.status === 'assigned') {
    db.transaction((tx) => {
      tx.update(handoffs).set({ status: 'waiting', assigneeId: null }).where(eq(handoffs.id, handoff.id)).run();
      recordSystemLine(tx, current, 'inbox.unassigned', `${by.name} put the conversation back in the queue`, at);
      recordInboxEvent(tx, 'assigned', current, at);
    });
  }
  // A freed agent takes the next in their team; a transferred conversation finds someone in its new team.
  if (freed !== null) autoAssignTeam(deps.store, freed, now);
  if (current.queue !== freed) autoAssignTeam(deps.store, current.queue, now);
  return ok({ handoffId });
}

/** An internal note: agents read it, the customer never does. */
export function addNote(deps: AppDeps, handoffId: string, text: string, agent: Agent): Result<{ noteId: string }> {
  const { db } = deps.store;
  const found = findHandoff(db, handoffId);
  if (!found.ok) return found;
  const at = deps.now().toISOString();
  const id = newId('note');
  db.transaction((tx) => {
    tx.insert(inboxNotes).values({ id, handoffId, conversationId: found.value.conversationId, userId: agent.id, text, createdAt: at }).run();
    recordInboxEvent(tx, 'note', found.value, at);
  });
  return ok({ noteId: id });
}

/** Online agents take auto-assigned work: coming online assigns what waits in their teams. */
export function setPresence(deps: AppDeps, agent: Agent, online: boolean): { online: boolean } {
  const { db } = deps.store;
  const now = deps.now();
  const values = { online, updatedAt: now.toISOString() };
  db.insert(agentPresence).values({ userId: agent.id, ...values }).onConflictDoUpdate({ target: agentPresence.userId, set: values }).run();
  if (online) for (const team of teamsOfMember(db, agent.id)) autoAssignTeam(deps.store, team, now);
  return { online };
}
