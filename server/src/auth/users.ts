import { and, asc, count, eq, ne } from 'drizzle-orm';
import { type UserRow, users } from '../db/schema';
import type { AppDeps } from '../deps';
import { type AppError, type Result, fail, notFound, ok } from '../errors';
import { newId } from '../ids';
import type { Role, UserListItem, UserView } from './schemas';

export const userView = (row: UserView): UserView => ({ id: row.id, email: row.email, name: row.name, role: row.role });
const listItem = (row: UserRow): UserListItem => ({ ...userView(row), createdAt: row.createdAt });

export function needsSetup({ store }: AppDeps): boolean {
  return store.db.select({ id: users.id }).from(users).limit(1).get() === undefined;
}

export function listUsers({ store }: AppDeps): UserListItem[] {
  return store.db.select().from(users).orderBy(asc(users.createdAt), asc(users.id)).all().map(listItem);
}

export function findUserByEmail({ store }: AppDeps, email: string): UserRow | undefined {
  return store.db.select().from(users).where(eq(users.email, email)).get();
}

export function findUser({ store }: AppDeps, id: string): UserRow | undefined {
  return store.db.select().from(users).where(eq(users.id, id)).get();
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

const emailTaken = (email: string): AppError => ({ status: 409, code: 'user_exists', field: 'email', message: `There is already a user with the email address ${email}.` });

/**
 * Adds a user. `firstOnly` is the set-up of a fresh install: refused once anyone exists. The check and
 * the insert run in one synchronous transaction, so two set-ups racing cannot both win.
 */
export function createUser({ store, now }: AppDeps, input: NewUser, options: { firstOnly?: boolean } = {}): Result<UserListItem> {
  return store.db.transaction((tx) => {
    if (options.firstOnly && tx.select({ id: users.id }).from(users).limit(1).get() !== undefined)
      return fail({ status: 409, code: 'already_set_up', message: 'Parley is already set up: sign in, or ask an admin for an account.' });
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) return fail(emailTaken(input.email));
    const at = now().toISOString();
    const row = tx
      .insert(users)
      .values({ id: newId('usr'), ...input, createdAt: at, updatedAt: at })
      .returning()
      .get();
    return ok(listItem(row));
  });
}

const lastAdmin = (what: string): AppError => ({
  status: 409,
  code: 'last_admin',
  message: `This is the last admin, so it cannot be ${what}: make another user an admin first.`,
});

const adminsBesides = (id: string) => and(eq(users.role, 'admin'), ne(users.id, id));

export interface UserChanges {
  name?: string;
  role?: Role;
  passwordHash?: string;
}

/** Renames, changes the role or sets a new password; the last admin cannot be demoted (409 `last_admin`). */
export function updateUser({ store, now }: AppDeps, id: string, changes: UserChanges): Result<UserListItem> {
  return store.db.transaction((tx) => {
    const row = tx.select().from(users).where(eq(users.id, id)).get();
    if (!row) return fail(notFound('User', id));
    const demoted = row.role === 'admin' && changes.role !== undefined && changes.role !== 'admin';
    if (demoted && tx.select({ n: count() }).from(users).where(adminsBesides(id)).get()?.n === 0) return fail(lastAdmin('made an editor or agent'));
    const updated = tx
      .update(users)
      .set({ ...changes, updatedAt: now().toISOString() })
      .where(eq(users.id, id))
      .returning()
      .get();
    return ok(listItem(updated ?? row));
  });
}

/** Deletes a user with their sessions and tokens; never the last admin (409 `last_admin`). */
export function deleteUser({ store }: AppDeps, id: string): Result<{ deleted: string }> {
  return store.db.transaction((tx) => {
    const row = tx.select().from(users).where(eq(users.id, id)).get();
    if (!row) return fail(notFound('User', id));
    if (row.role === 'admin' && tx.select({ n: count() }).from(users).where(adminsBesides(id)).get()?.n === 0) return fail(lastAdmin('deleted'));
    tx.delete(users).where(eq(users.id, id)).run();
    return ok({ deleted: id });
  });
}
