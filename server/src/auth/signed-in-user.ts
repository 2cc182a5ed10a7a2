import type { Context } from 'hono';
import { type Result, fail, ok } from '../errors';
import type { AuthEnv } from './caller';
import type { UserView } from './schemas';

/**
 * The signed-in user of a route behind `withRole('user', …)`. The guard already refused everyone
 * else; this only gives the handler the user, typed.
 */
export function signedInUser(c: Context<AuthEnv>): Result<UserView> {
  const caller = c.get('caller');
  return caller.kind === 'user' ? ok(caller.user) : fail({ status: 403, code: 'not_a_user', message: 'Sign in, or use a personal token: this is about your own account.' });
}
