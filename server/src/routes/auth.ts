import { type Context, Hono } from 'hono';
import type { AuthEnv } from '../auth/caller';
import { clientAddress } from '../auth/client-address';
import { csrfRefused } from '../auth/guard';
import { createFailureLimiter } from '../auth/failure-limiter';
import { checkAgainstNobody, hashPassword, passwordMatches } from '../auth/passwords';
import { type UserView, authStateSchema, loginSchema, setupSchema, signedInSchema } from '../auth/schemas';
import { clearSessionCookie, endSession, setSessionCookie, startSession } from '../auth/sessions';
import { createUser, findUserByEmail, needsSetup, userView } from '../auth/users';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { jsonBody } from '../http/validate';

const tag = 'Auth';

/** Sign-in for people: the first admin's set-up, sign in and out, and who is signed in. Public routes. */
export function authRoutes(deps: AppDeps) {
  // 10 failed sign-ins per email and address in 15 minutes, then 429 until the oldest is out of the window.
  const limiter = createFailureLimiter({ maxFailures: 10, windowMs: 15 * 60_000, now: deps.now });
  deps.docs.add(
    {
      method: 'get',
      path: '/api/auth/state',
      summary: 'Whether Parley needs its first admin, who is signed in, and the CSRF token of this session',
      tag,
      public: true,
      responses: { 200: { description: 'The state', schema: authStateSchema } },
    },
    {
      method: 'post',
      path: '/api/auth/setup',
      summary: 'Create the first admin on a fresh install, and sign them in (sets the session cookie)',
      tag,
      public: true,
      body: setupSchema,
      responses: { 201: { description: 'Set up and signed in', schema: signedInSchema }, 409: { description: 'already_set_up: a user exists' } },
    },
    {
      method: 'post',
      path: '/api/auth/login',
      summary: 'Sign in with email and password (sets the session cookie)',
      tag,
      public: true,
      body: loginSchema,
      responses: {
        200: { description: 'Signed in', schema: signedInSchema },
        401: { description: 'wrong_credentials: unknown email or wrong password' },
        429: { description: 'too_many_attempts: 10 failures for this email from this address in 15 minutes' },
      },
    },
    { method: 'post', path: '/api/auth/logout', summary: 'Sign out: ends the session and clears the cookie', tag, public: true, responses: { 204: { description: 'Signed out' } } },
  );

  const signedIn = (c: Context<AuthEnv>, user: UserView, status: 200 | 201) => {
    // A session this browser already had is ended: signing in always starts a fresh one.
    const previous = c.get('caller');
    if (previous.kind === 'user' && previous.via === 'session') endSession(deps, previous.session.tokenHash);
    const session = startSession(deps, user.id);
    setSessionCookie(c, deps, session.token);
    return c.json({ user, csrfToken: session.csrfToken }, status);
  };

  return new Hono<AuthEnv>()
    .get('/state', (c) => {
      const caller = c.get('caller');
      // A cookie that opens nothing any more is cleared, so the browser stops sending it.
      if (caller.kind === 'anonymous' && caller.reason === 'session_expired') clearSessionCookie(c, deps);
      return c.json({
        needsSetup: needsSetup(deps),
        user: caller.kind === 'user' ? caller.user : null,
        csrfToken: caller.kind === 'user' && caller.via === 'session' ? caller.session.csrfToken : null,
      });
    })
    .post('/setup', jsonBody(setupSchema), async (c) => {
      const { email, name, password } = c.req.valid('json');
      // Checked before hashing too, so a set-up install answers at once; `createUser` checks again atomically.
      if (!needsSetup(deps)) return errorResponse(c, { status: 409, code: 'already_set_up', message: 'Parley is already set up: sign in, or ask an admin for an account.' });
      const created = createUser(deps, { email, name, role: 'admin', passwordHash: await hashPassword(password) }, { firstOnly: true });
      if (!created.ok) return errorResponse(c, created.error);
      return signedIn(c, userView(created.value), 201);
    })
    .post('/login', jsonBody(loginSchema), async (c) => {
      const { email, password } = c.req.valid('json');
      const key = `${email}\n${clientAddress(c)}`;
      const waitMs = limiter.begin(key);
      if (waitMs > 0) {
        c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
        return errorResponse(c, {
          status: 429,
          code: 'too_many_attempts',
          message: `Too many failed sign-ins for this email; try again in ${Math.ceil(waitMs / 60_000)} minute${waitMs > 60_000 ? 's' : ''}.`,
        });
      }
      const user = findUserByEmail(deps, email);
      const matches = user ? await passwordMatches(user.passwordHash, password) : await checkAgainstNobody(password);
      // One message for an unknown email and a wrong password: which addresses have accounts stays private.
      if (!user || !matches) return errorResponse(c, { status: 401, code: 'wrong_credentials', message: 'Wrong email or password.' });
      limiter.succeeded(key);
      return signedIn(c, userView(user), 200);
    })
    .post('/logout', (c) => {
      const caller = c.get('caller');
      if (caller.kind === 'user' && caller.via === 'session') {
        // Signing someone out is a change too: a cross-site page must not be able to do it.
        if (!caller.csrfOk) return errorResponse(c, csrfRefused('POST'));
        endSession(deps, caller.session.tokenHash);
      }
      clearSessionCookie(c, deps);
      return c.body(null, 204);
    });
}
