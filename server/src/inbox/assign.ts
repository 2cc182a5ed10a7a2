import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Store } from '../db/open';
import { type HandoffRow, agentPresence, handoffs, teams, users } from '../db/schema';
import { teamByKey } from '../teams/teams';
import { recordInboxEvent, recordSystemLine } from './events';

const PRIORITY_RANK = sql`case ${handoffs.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;

/** Open conversations per agent (assigned, not resolved), across teams: the load maxOpenPerAgent limits. */
export function openLoad(db: Db, agentIds: readonly string[]): Map<string, number> {
  const load = new Map<string, number>(agentIds.map((id) => [id, 0]));
  if (agentIds.length === 0) return load;
  const rows = db
    .select({ assigneeId: handoffs.assigneeId, open: count() })
    .from(handoffs)
    .where(and(eq(handoffs.status, 'assigned'), inArray(handoffs.assigneeId, [...agentIds])))
    .groupBy(handoffs.assigneeId)
    .all();
  for (const row of rows) if (row.assigneeId !== null) load.set(row.assigneeId, row.open);
  return load;
}

export function onlineOf(db: Db, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  return new Set(
    db
      .select({ userId: agentPresence.userId })
      .from(agentPresence)
      .where(and(inArray(agentPresence.userId, [...ids]), eq(agentPresence.online, true)))
      .all()
      .map((row) => row.userId),
  );
}

export function userName(db: Db, id: string): string {
  if (id === 'admin') return 'Admin';
  return db.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? id;
}

/** Gives a hand-off to an agent; auto-assignment and claims take only waiting ones (someone else may have been first). */
export function assignHandoff(db: Db, handoff: HandoffRow, agentId: string, at: string, how: 'auto' | 'claimed' | 'assigned'): boolean {
  return db.transaction((tx) => {
    const changed = tx
      .update(handoffs)
      .set({ status: 'assigned', assigneeId: agentId })
      .where(and(eq(handoffs.id, handoff.id), inArray(handoffs.status, how === 'assigned' ? ['waiting', 'assigned'] : ['waiting'])))
      .run();
    if (changed.changes !== 1) return false;
    const name = userName(tx, agentId);
    const text = how === 'claimed' ? `${name} took the conversation` : how === 'auto' ? `Assigned to ${name} (round-robin)` : `Assigned to ${name}`;
    recordSystemLine(tx, handoff, 'inbox.assigned', text, at, { agentId, how });
    recordInboxEvent(tx, 'assigned', handoff, at);
    return true;
  });
}

/**
 * Round-robin: each waiting hand-off of the team (most urgent, then oldest, first) goes to the next
 * online member after the one who got the last, skipping members at the team's limit. Deterministic:
 * members are taken in the team's order. Returns the ids of the hand-offs assigned.
 */
export function autoAssignTeam(store: Store, teamKey: string, now: Date): string[] {
  const team = teamByKey(store.db, teamKey);
  if (!team || !team.autoAssign || team.memberIds.length === 0) return [];
  const at = now.toISOString();
  const db = store.db;
  const online = onlineOf(db, team.memberIds);
  const members = team.memberIds.filter((id) => online.has(id));
  if (members.length === 0) return [];
  const waiting = db.select().from(handoffs).where(and(eq(handoffs.queue, teamKey), eq(handoffs.status, 'waiting'))).orderBy(PRIORITY_RANK, asc(handoffs.createdAt), asc(handoffs.id)).all();
  const load = openLoad(db, members);
  let last = db.select({ last: teams.lastAssignedId }).from(teams).where(eq(teams.key, teamKey)).get()?.last ?? null;
  const assigned: string[] = [];
  for (const handoff of waiting) {
    const start = last === null ? 0 : team.memberIds.indexOf(last) + 1;
    const order = [...team.memberIds.slice(start), ...team.memberIds.slice(0, start)].filter((id) => online.has(id));
    const agent = order.find((id) => (load.get(id) ?? 0) < team.maxOpenPerAgent);
    if (agent === undefined) break;
    if (!assignHandoff(db, handoff, agent, at, 'auto')) continue;
    load.set(agent, (load.get(agent) ?? 0) + 1);
    last = agent;
    assigned.push(handoff.id);
  }
  if (assigned.length > 0) db.update(teams).set({ lastAssignedId: last }).where(eq(teams.key, teamKey)).run();
  return assigned;
}

/** Teams an agent belongs to (an agent coming online takes waiting work in each). */
export function teamsOfMember(db: Db, userId: string): string[] {
  return db
    .select({ key: teams.key, memberIds: teams.memberIds })
    .from(teams)
    .all()
    .filter((team) => team.memberIds.includes(JSON.stringify(userId)))
    .map((team) => team.key);
}
