import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps } from '../deps';
import { PERSONAL_TOKEN_PREFIX, findApiToken } from './api-tokens';
import type { AuthEnv, Caller } from './caller';
import { sameSecret } from './secrets';
import { SESSION_COOKIE, findSession, setSessionCookie } from './sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Finds out who is calling and sets `caller`; it refuses nothing itself (public routes run for
 * anyone), `requireRole` does. A bearer token, when sent, is the only credential looked at: the admin
 * token or a personal token. Otherwise the session cookie, whose unsafe requests must also carry the
 * session's X-CSRF-Token: a cookie is sent by the browser whoever made the page, a header is not.
 */
export function authenticate(deps: AppDeps): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    c.set('caller', identify(deps, c));
    await next();
  };
}

function identify(deps: AppDeps, c: Context): Caller {
  const header = c.req.header('authorization') ?? '';
  if (header !== '') {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? '';
    if (token.startsWith(PERSONAL_TOKEN_PREFIX)) {
      const found = findApiToken(deps, token);
      if (found) return { kind: 'user', via: 'token', user: found.user, tokenId: found.tokenId };
    }
    return token !== '' && deps.auth.verify(token) ? { kind: 'adminToken' } : { kind: 'anonymous', reason: 'bad_token' };
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie === undefined || cookie === '') return { kind: 'anonymous', reason: 'none' };
  const session = findSession(deps, cookie);
  if (!session) return { kind: 'anonymous', reason: 'session_expired' };
  if (session.extended) setSessionCookie(c, deps, cookie);
  const sent = c.req.header('x-csrf-token') ?? '';
  return {
    kind: 'user',
    via: 'session',
    user: session.user,
    session: { tokenHash: session.tokenHash, csrfToken: session.csrfToken },
    csrfOk: SAFE_METHODS.has(c.req.method) || (sent !== '' && sameSecret(sent, session.csrfToken)),
  };
}
