import { type BusinessHours, type Team, businessHoursSchema, isTimeZone, slaTargetsSchema, teamInputSchema } from '@parley/shared';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { type TeamRow, teams, users } from '../db/schema';
import { type Result, fail, notFound, ok } from '../errors';
import { newId } from '../ids';
import { readJson } from '../turns/load';

export type TeamInputValue = z.output<typeof teamInputSchema>;
const memberIdsSchema = z.array(z.string());

/** A stored team as the wire contract shows it. */
export function teamView(row: TeamRow): Team {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    businessHours: readJson(businessHoursSchema, row.businessHours) ?? null,
    sla: readJson(slaTargetsSchema, row.sla) ?? null,
    autoAssign: row.autoAssign,
    maxOpenPerAgent: row.maxOpenPerAgent,
    memberIds: readJson(memberIdsSchema, row.memberIds) ?? [],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The team's hours as the clock functions read them (a zone left empty reads as UTC); null: always open. */
export function hoursOf(team: Team): BusinessHours | null {
  const hours = team.businessHours;
  if (!hours) return null;
  const timezone = hours.timezone !== undefined && isTimeZone(hours.timezone) ? hours.timezone : 'UTC';
  return { timezone, weekly: hours.weekly, holidays: hours.holidays };
}

export function listTeams(db: Db): Team[] {
  return db.select().from(teams).orderBy(asc(teams.name)).all().map(teamView);
}

export function teamByKey(db: Db, key: string): Team | undefined {
  const row = db.select().from(teams).where(eq(teams.key, key)).get();
  return row ? teamView(row) : undefined;
}

/** Members must be people who can sign in (any role): a mistyped id would silently never get work. */
function checkMembers(db: Db, memberIds: readonly string[]): Result<string[]> {
  const unique = [...new Set(memberIds)];
  if (unique.length === 0) return ok(unique);
  const known = new Set(db.select({ id: users.id }).from(users).where(inArray(users.id, unique)).all().map((u) => u.id));
  const index = memberIds.findIndex((id) => !known.has(id));
  if (index >= 0) return fail({ status: 400, code: 'invalid_input', field: `memberIds.${index}`, message: `Body field "memberIds.${index}": no user has the id "${memberIds[index]}".` });
  return ok(unique);
}

function keyTaken(db: Db, key: string, exceptId?: string): boolean {
  const row = db.select({ id: teams.id }).from(teams).where(eq(teams.key, key)).get();
  return row !== undefined && row.id !== exceptId;
}

const keyConflict = (key: string) => fail({ status: 409, code: 'team_key_taken', field: 'key', message: `A team already uses the queue name "${key}".` });

function columns(input: TeamInputValue, memberIds: string[]) {
  return {
    key: input.key,
    name: input.name,
    businessHours: input.businessHours ? JSON.stringify(input.businessHours) : null,
    sla: input.sla ? JSON.stringify(input.sla) : null,
    autoAssign: input.autoAssign,
    maxOpenPerAgent: input.maxOpenPerAgent,
    memberIds: JSON.stringify(memberIds),
  };
}

export function createTeam(db: Db, input: TeamInputValue, now: Date): Result<Team> {
  const members = checkMembers(db, input.memberIds);
  if (!members.ok) return members;
  if (keyTaken(db, input.key)) return keyConflict(input.key);
  const at = now.toISOString();
  const row = { id: newId('team'), ...columns(input, members.value), lastAssignedId: null, createdAt: at, updatedAt: at };
  db.insert(teams).values(row).run();
  return ok(teamView(row));
}

/** Replaces a team's settings; renaming its key leaves hand-offs queued under the old key where they are. */
export function updateTeam(db: Db, id: string, input: TeamInputValue, now: Date): Result<Team> {
  const existing = db.select().from(teams).where(eq(teams.id, id)).get();
  if (!existing) return fail(notFound('Team', id));
  const members = checkMembers(db, input.memberIds);
  if (!members.ok) return members;
  if (keyTaken(db, input.key, id)) return keyConflict(input.key);
  const row = { ...existing, ...columns(input, members.value), updatedAt: now.toISOString() };
  db.update(teams).set(row).where(eq(teams.id, id)).run();
  return ok(teamView(row));
}

/** Deleting a team loses nothing: its hand-offs stay queued under its key, a queue of their own. */
export function deleteTeam(db: Db, id: string): Result<{ deleted: string }> {
  const removed = db.delete(teams).where(eq(teams.id, id)).run();
  return removed.changes === 1 ? ok({ deleted: id }) : fail(notFound('Team', id));
}
