/**
 * Sign-in against the REAL bundled server over real sockets: the first admin's set-up, the session
 * cookie and its CSRF token as a browser uses them, roles, the failed sign-in limit keyed by the
 * client's address, and users and sessions surviving a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, buildBundle, cleanUp, startServer, stopServer, tempDir } from './server';

const adminToken = 'auth-e2e-admin-token-0123456789';
const password = 'correct horse battery';
let bundle: string;
let dataDir: string;
let server: RunningServer;

beforeAll(async () => {
  bundle = await buildBundle();
  dataDir = tempDir('auth');
  server = await startServer({ bundle, dataDir, env: { PARLEY_ADMIN_TOKEN: adminToken } });
}, 60_000);
afterAll(() => cleanUp([dataDir]));

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const sessionCookie = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

describe('signing in to the bundled server', () => {
  it('asks for the first admin, signs them in with a cookie, and guards changes with the CSRF token', async () => {
    expect(server.stdout()).toContain('No users yet: open');
    const state = await (await fetch(`${server.url}/api/auth/state`)).json();
    expect(state).toEqual({ needsSetup: true, user: null, csrfToken: null });

    const setUp = await post('/api/auth/setup', { email: 'ana@example.com', name: 'Ana', password });
    expect(setUp.status).toBe(201);
    const { csrfToken } = await setUp.json();
    const cookie = sessionCookie(setUp);
    expect(setUp.headers.get('set-cookie')).toMatch(/HttpOnly/);

    const bots = await fetch(`${server.url}/api/bots`, { headers: { cookie } });
    expect(bots.status).toBe(200);
    expect((await post('/api/bots', { id: 'e2e-bot', name: 'E2E' }, { cookie })).status).toBe(403);
    expect((await post('/api/bots', { id: 'e2e-bot', name: 'E2E' }, { cookie, 'x-csrf-token': csrfToken })).status).toBe(201);

    // Scripts keep using the admin token.
    const byToken = await fetch(`${server.url}/api/bots/e2e-bot`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(byToken.status).toBe(200);

    for (const name of ['Ada', 'Bo']) {
      const agent = await post('/api/users', { email: `${name.toLowerCase()}@example.com`, name, role: 'agent', password }, { cookie, 'x-csrf-token': csrfToken });
      expect(agent.status).toBe(201);
    }
  });

  it('limits failed sign-ins per email and client address', async () => {
    for (let i = 0; i < 10; i++) expect((await post('/api/auth/login', { email: 'ada@example.com', password: `wrong-${i}` })).status).toBe(401);
    const limited = await post('/api/auth/login', { email: 'ada@example.com', password });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('keeps users and sessions across a restart; a signed-in agent sees the inbox and not the bots', async () => {
    const signIn = await post('/api/auth/login', { email: 'ana@example.com', password });
    expect(signIn.status).toBe(200);
    const cookie = sessionCookie(signIn);
    await stopServer(server);
    server = await startServer({ bundle, dataDir, env: { PARLEY_ADMIN_TOKEN: adminToken } });
    expect(server.stdout()).not.toContain('No users yet');

    const state = await (await fetch(`${server.url}/api/auth/state`, { headers: { cookie } })).json();
    expect(state.user).toMatchObject({ email: 'ana@example.com', role: 'admin' });
    const bo = await post('/api/auth/login', { email: 'bo@example.com', password });
    expect(bo.status).toBe(200);
    const boCookie = sessionCookie(bo);
    expect((await fetch(`${server.url}/api/conversations`, { headers: { cookie: boCookie } })).status).toBe(200);
    expect((await fetch(`${server.url}/api/bots`, { headers: { cookie: boCookie } })).status).toBe(403);
  }, 40_000);
});
