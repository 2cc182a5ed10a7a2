import { and, eq, lt, ne } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { userSessions, users } from '../db/schema';
import type { AppDeps } from '../deps';
import type { UserView } from './schemas';
import { newSecret, sha256Hex } from './secrets';
import { userView } from './users';

export const SESSION_COOKIE = 'parley_session';
const LIFETIME_MS = 14 * 24 * 3_600_000;
/** A session in use is pushed forward at most once an hour, not written on every request. */
const SLIDE_EVERY_MS = 3_600_000;

export interface FoundSession {
  user: UserView;
  tokenHash: string;
  csrfToken: string;
  /** True when this request pushed the expiry forward: the cookie is sent again with the new lifetime. */
  extended: boolean;
}

/** Opens a session for a user who just proved who they are; the token goes in the cookie, never in the store. */
export function startSession({ store, now }: AppDeps, userId: string): { token: string; csrfToken: string } {
  const token = newSecret();
  const csrfToken = newSecret();
  const at = now();
  // Expired sessions are cleared here, the one moment sessions are created.
  store.db.delete(userSessions).where(lt(userSessions.expiresAt, at.toISOString())).run();
  store.db
    .insert(userSessions)
    .values({ tokenHash: sha256Hex(token), userId, csrfToken, createdAt: at.toISOString(), expiresAt: new Date(at.getTime() + LIFETIME_MS).toISOString() })
    .run();
  return { token, csrfToken };
}

/** The live session a cookie's token opens, with its user as they are now (a role change applies at once). */
export function findSession({ store, now }: AppDeps, token: string): FoundSession | undefined {
  const tokenHash = sha256Hex(token);
  const row = store.db.select().from(userSessions).innerJoin(users, eq(users.id, userSessions.userId)).where(eq(userSessions.tokenHash, tokenHash)).get();
  if (!row) return undefined;
  const at = now().getTime();
  const expiresAt = new Date(row.user_sessions.expiresAt).getTime();
  if (expiresAt <= at) {
    endSession({ store }, tokenHash);
    return undefined;
  }
  const extended = at + LIFETIME_MS - expiresAt >= SLIDE_EVERY_MS;
  if (extended) store.db.update(userSessions).set({ expiresAt: new Date(at + LIFETIME_MS).toISOString() }).where(eq(userSessions.tokenHash, tokenHash)).run();
  return { user: userView(row.users), tokenHash, csrfToken: row.user_sessions.csrfToken, extended };
}

export function endSession({ store }: Pick<AppDeps, 'store'>, tokenHash: string): void {
  store.db.delete(userSessions).where(eq(userSessions.tokenHash, tokenHash)).run();
}

/** Signs a user out everywhere (after a password change), except the session given. */
export function endSessionsOf({ store }: AppDeps, userId: string, except?: string): void {
  store.db
    .delete(userSessions)
    .where(except === undefined ? eq(userSessions.userId, userId) : and(eq(userSessions.userId, userId), ne(userSessions.tokenHash, except)))
    .run();
}

/** HTTP-only (scripts in the page cannot read it), SameSite=Lax, Secure when Parley is served over https. */
function cookieOptions({ config }: AppDeps): CookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'Lax', secure: config.publicUrl.startsWith('https:') };
}

export function setSessionCookie(c: Context, deps: AppDeps, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { ...cookieOptions(deps), maxAge: LIFETIME_MS / 1000 });
}

export function clearSessionCookie(c: Context, deps: AppDeps): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(deps));
}
