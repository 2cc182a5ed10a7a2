import type { InboxAgent } from '@parley/shared';
import { asc } from 'drizzle-orm';
import type { Db } from '../db/open';
import { users } from '../db/schema';
import { listTeams } from '../teams/teams';
import { onlineOf, openLoad } from './assign';

/**
 * Everyone who can answer in the inbox (every role can), with whether they are online, how many open
 * conversations they hold and their teams: what an agent needs to hand a conversation to a colleague.
 * Unlike /api/users (administrators only), it shows no more than a colleague's name and address.
 */
export function listInboxAgents(db: Db): InboxAgent[] {
  const people = db.select({ id: users.id, name: users.name, email: users.email, role: users.role }).from(users).orderBy(asc(users.name)).all();
  const ids = people.map((person) => person.id);
  const online = onlineOf(db, ids);
  const load = openLoad(db, ids);
  const teams = listTeams(db);
  return people.map((person) => ({
    ...person,
    online: online.has(person.id),
    open: load.get(person.id) ?? 0,
    teamKeys: teams.filter((team) => team.memberIds.includes(person.id)).map((team) => team.key),
  }));
}
