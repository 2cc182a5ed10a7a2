import { type Env, Hono, type MiddlewareHandler, type Schema } from 'hono';
import { type AppError, errorResponse } from '../errors';
import type { AnonymousReason, AuthEnv, Caller } from './caller';
import { type Access, hasRole } from './roles';

/** `user` (anyone signed in) is the weakest need; among roles, the higher one. */
const stricter = (a: Access, b: Access): boolean => b === 'user' || (a !== 'user' && hasRole(a, b) && a !== b);

const unauthorized: Record<AnonymousReason, string> = {
  none: 'Sign in first, or send a token as "Authorization: Bearer <token>".',
  bad_token: 'That token is not valid (mistyped, or revoked). Send the admin token or a personal token as "Authorization: Bearer <token>".',
  session_expired: 'Your session has ended; sign in again.',
};

export const csrfRefused = (method: string): AppError => ({
  status: 403,
  code: 'csrf_token_invalid',
  message: `A signed-in ${method} must send the header X-CSRF-Token with the csrfToken from /api/auth/state (or from signing in).`,
});

/** Why `caller` may not call a route that needs `access`, or null when it may. */
export function refusal(caller: Caller, access: Access, method: string): AppError | null {
  if (caller.kind === 'anonymous') return { status: 401, code: 'unauthorized', message: unauthorized[caller.reason] };
  if (caller.kind === 'user' && caller.via === 'session' && !caller.csrfOk) return csrfRefused(method);
  if (access === 'user')
    return caller.kind === 'user'
      ? null
      : { status: 403, code: 'not_a_user', message: 'The admin token belongs to no user: sign in, or use a personal token, for your own password and tokens.' };
  const role = caller.kind === 'adminToken' ? 'admin' : caller.user.role;
  return hasRole(role, access) ? null : { status: 403, code: 'forbidden', message: `This needs the ${access} role (or higher); you are signed in as an ${role}.` };
}

const guards = new WeakMap<object, Access>();

/** A middleware that lets through only callers with `access`: 401 for nobody, 403 for too low a role. */
export function requireRole(access: Access): MiddlewareHandler<AuthEnv> {
  const guard: MiddlewareHandler<AuthEnv> = async (c, next) => {
    const refused = refusal(c.get('caller'), access, c.req.method);
    if (refused) return errorResponse(c, refused);
    await next();
  };
  guards.set(guard, access);
  return guard;
}

/**
 * `sub` behind `requireRole(access)`. The guard is registered on exactly the sub-app's own paths
 * (not on `*`), so a sub-app mounted at `/` guards its routes and nobody else's. (A wildcard
 * middleware inside such a sub-app would spread its guard wider: refusing more, never less.)
 */
export function withRole<E extends Env, S extends Schema, B extends string>(access: Access, sub: Hono<E, S, B>) {
  const guarded = new Hono<AuthEnv>();
  const guard = requireRole(access);
  for (const path of new Set(sub.routes.map((route) => route.path))) guarded.use(path, guard);
  return guarded.route('/', sub);
}

/**
 * `sub` with a role per method: reads (GET) need `read`, every other method `write` (teams: agents
 * read them, editors manage them, on the same paths). Guards are registered per method and path.
 */
export function withRoles<E extends Env, S extends Schema, B extends string>(roles: { read: Access; write: Access }, sub: Hono<E, S, B>) {
  const guarded = new Hono<AuthEnv>();
  const read = requireRole(roles.read);
  const write = requireRole(roles.write);
  for (const route of sub.routes) {
    if (route.method === 'ALL') continue;
    guarded.on(route.method, route.path, route.method === 'GET' || route.method === 'HEAD' ? read : write);
  }
  return guarded.route('/', sub);
}

/**
 * What each route of a composed app needs (`GET /api/bots/:id` → `editor`), read from the guards
 * registered on its path; routes without one are public. The OpenAPI document is built from it.
 */
export function accessByRoute(routes: readonly { method: string; path: string; handler: object }[]): Map<string, Access> {
  // A request passes every guard on its path registered before its handler (a sub-app mounted later on
  // the same path, e.g. editor-only writes beside agent reads, adds its guard after the earlier handlers).
  const byPath = new Map<string, Access>();
  // Guards for one method only (withRoles) count for that method; both kinds only before the handler.
  const byMethod = new Map<string, Access>();
  const strictest = (a: Access | undefined, b: Access | undefined) => (a === undefined ? b : b === undefined || stricter(a, b) ? a : b);
  const access = new Map<string, Access>();
  for (const route of routes) {
    const guard = guards.get(route.handler);
    const key = `${route.method} ${route.path}`;
    if (guard !== undefined) {
      if (route.method === 'ALL') byPath.set(route.path, strictest(guard, byPath.get(route.path)) ?? guard);
      else byMethod.set(key, strictest(guard, byMethod.get(key)) ?? guard);
      continue;
    }
    const needed = strictest(byPath.get(route.path), byMethod.get(key));
    if (route.method !== 'ALL' && needed !== undefined) access.set(key, needed);
  }
  return access;
}
