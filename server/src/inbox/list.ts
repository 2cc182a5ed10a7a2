import type { InboxList, InboxView } from '@parley/shared';
import { type SQL, and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Store } from '../db/open';
import { handoffs } from '../db/schema';
import { listTeams } from '../teams/teams';
import { itemOf } from './items';

const LIMIT = 200;
const OPEN = ['waiting', 'assigned'] as const;
const PRIORITY_RANK = sql`case ${handoffs.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;

function viewFilter(view: InboxView, agentId: string): SQL | undefined {
  switch (view) {
    case 'waiting':
      return eq(handoffs.status, 'waiting');
    case 'mine':
      return and(eq(handoffs.status, 'assigned'), eq(handoffs.assigneeId, agentId));
    case 'all':
      return inArray(handoffs.status, [...OPEN]);
    case 'resolved':
      return eq(handoffs.status, 'resolved');
  }
}

/** The inbox for one agent: a view (optionally one team's), with the sidebar's counts. */
export function listInbox(store: Store, query: { view: InboxView; team?: string }, agentId: string, now: Date): InboxList {
  const { db } = store;
  const where = and(viewFilter(query.view, agentId), query.team === undefined ? undefined : eq(handoffs.queue, query.team));
  const order = query.view === 'resolved' ? [desc(handoffs.resolvedAt), desc(handoffs.id)] : [PRIORITY_RANK, asc(handoffs.createdAt), asc(handoffs.id)];
  const rows = db.select().from(handoffs).where(where).orderBy(...order).limit(LIMIT).all();
  const tally = (filter: SQL | undefined) => db.select({ n: count() }).from(handoffs).where(filter).get()?.n ?? 0;

  // Every team, and any queue no team has (a hand-off naming an unknown key is still visible).
  const perQueue = db
    .select({ queue: handoffs.queue, status: handoffs.status, n: count() })
    .from(handoffs)
    .where(inArray(handoffs.status, [...OPEN]))
    .groupBy(handoffs.queue, handoffs.status)
    .all();
  const teams = new Map(listTeams(db).map((team) => [team.key, { key: team.key, name: team.name, waiting: 0, open: 0 }]));
  for (const row of perQueue) {
    const entry = teams.get(row.queue) ?? { key: row.queue, name: row.queue, waiting: 0, open: 0 };
    if (row.status === 'waiting') entry.waiting += row.n;
    entry.open += row.n;
    teams.set(row.queue, entry);
  }
  return {
    items: rows.map((row) => itemOf(store, row, now)),
    counts: { waiting: tally(viewFilter('waiting', agentId)), mine: tally(viewFilter('mine', agentId)), all: tally(viewFilter('all', agentId)), teams: [...teams.values()] },
  };
}
