import { and, asc, eq } from 'drizzle-orm';
import { type ApiTokenRow, apiTokens, users } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, fail, notFound, ok } from '../errors';
import { newId } from '../ids';
import type { TokenView, UserView } from './schemas';
import { newSecret, sha256Hex } from './secrets';
import { userView } from './users';

/** Personal tokens read `prl_pat_…`, so they are told apart from the admin token and spotted when leaked. */
export const PERSONAL_TOKEN_PREFIX = 'prl_pat_';
/** "Last used" is a day-to-day hint, written at most once a minute per token. */
const TOUCH_EVERY_MS = 60_000;

const tokenView = (row: ApiTokenRow): TokenView => ({ id: row.id, name: row.name, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt });

export function listApiTokens({ store }: AppDeps, userId: string): TokenView[] {
  return store.db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(asc(apiTokens.createdAt), asc(apiTokens.id)).all().map(tokenView);
}

/** A new token: `secret` is shown once and never again; only its hash is stored. */
export function createApiToken({ store, now }: AppDeps, userId: string, name: string): { token: TokenView; secret: string } {
  const secret = newSecret(PERSONAL_TOKEN_PREFIX);
  const row = store.db
    .insert(apiTokens)
    .values({ id: newId('tok'), userId, name, tokenHash: sha256Hex(secret), createdAt: now().toISOString(), lastUsedAt: null })
    .returning()
    .get();
  return { token: tokenView(row), secret };
}

/** Revokes one of the user's own tokens; someone else's reads as unknown. */
export function revokeApiToken({ store }: AppDeps, userId: string, id: string): Result<{ deleted: string }> {
  const deleted = store.db.delete(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId))).returning({ id: apiTokens.id }).get();
  return deleted ? ok({ deleted: deleted.id }) : fail(notFound('Token', id));
}

/** The user a bearer secret acts for, as they are now (their current role). */
export function findApiToken({ store, now }: AppDeps, secret: string): { user: UserView; tokenId: string } | undefined {
  const row = store.db.select().from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId)).where(eq(apiTokens.tokenHash, sha256Hex(secret))).get();
  if (!row) return undefined;
  const at = now();
  const last = row.api_tokens.lastUsedAt;
  if (last === null || at.getTime() - new Date(last).getTime() >= TOUCH_EVERY_MS)
    store.db.update(apiTokens).set({ lastUsedAt: at.toISOString() }).where(eq(apiTokens.id, row.api_tokens.id)).run();
  return { user: userView(row.users), tokenId: row.api_tokens.id };
}
