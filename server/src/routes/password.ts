import { Hono } from 'hono';
import type { AuthEnv } from '../auth/caller';
import { clientAddress } from '../auth/client-address';
import { createFailureLimiter } from '../auth/failure-limiter';
import { hashPassword, passwordMatches } from '../auth/passwords';
import { changePasswordSchema } from '../auth/schemas';
import { endSessionsOf } from '../auth/sessions';
import { signedInUser } from '../auth/signed-in-user';
import { findUser, updateUser } from '../auth/users';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { jsonBody } from '../http/validate';

/** Changing one's own password (behind `withRole('user')`). */
export function passwordRoutes(deps: AppDeps) {
  // Guessing the current password with a stolen session is slowed down like signing in.
  const limiter = createFailureLimiter({ maxFailures: 10, windowMs: 15 * 60_000, now: deps.now });
  deps.docs.add({
    method: 'post',
    path: '/api/auth/password',
    summary: "Change the signed-in user's password; their other sessions end",
    tag: 'Auth',
    body: changePasswordSchema,
    responses: {
      204: { description: 'Changed' },
      400: { description: 'wrong_password (field currentPassword), or a new password that is too short (field newPassword)' },
      429: { description: 'too_many_attempts' },
    },
  });
  return new Hono<AuthEnv>().post('/password', jsonBody(changePasswordSchema), async (c) => {
    const me = signedInUser(c);
    if (!me.ok) return errorResponse(c, me.error);
    const { currentPassword, newPassword } = c.req.valid('json');
    const key = `${me.value.id}\n${clientAddress(c)}`;
    const waitMs = limiter.begin(key);
    if (waitMs > 0) {
      c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      return errorResponse(c, { status: 429, code: 'too_many_attempts', message: 'Too many wrong current passwords; try again later.' });
    }
    const row = findUser(deps, me.value.id);
    if (!row || !(await passwordMatches(row.passwordHash, currentPassword)))
      return errorResponse(c, { status: 400, code: 'wrong_password', field: 'currentPassword', message: 'The current password is wrong.' });
    limiter.succeeded(key);
    const updated = updateUser(deps, me.value.id, { passwordHash: await hashPassword(newPassword) });
    if (!updated.ok) return errorResponse(c, updated.error);
    const caller = c.get('caller');
    // Anyone else signed in as this user (a forgotten browser, someone who knew the old password) is signed out.
    endSessionsOf(deps, me.value.id, caller.kind === 'user' && caller.via === 'session' ? caller.session.tokenHash : undefined);
    return c.body(null, 204);
  });
}
