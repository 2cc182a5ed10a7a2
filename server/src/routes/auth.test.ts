import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestParley, cookieOf, logIn, signedInAs, testParley } from '../testing';

let parley: TestParley;
afterEach(() => parley.close());

const anonymous = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; env?: unknown } = {}) =>
  parley.app.request(
    path,
    {
      method: init.method ?? 'GET',
      headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    },
    init.env,
  );

const setUp = (body: unknown) => anonymous('/api/auth/setup', { method: 'POST', body });
const logInAs = (email: string, password: string, env?: unknown) => anonymous('/api/auth/login', { method: 'POST', body: { email, password }, env });

describe('first admin on a fresh install', () => {
  it('reports needsSetup, creates the admin once, signs them in with a session cookie', async () => {
    parley = testParley();
    expect(await (await anonymous('/api/auth/state')).json()).toEqual({ needsSetup: true, user: null, csrfToken: null });

    const short = await setUp({ email: 'ana@example.com', name: 'Ana', password: 'too-short' });
    expect(short.status).toBe(400);
    const shortError = (await short.json()).error;
    expect(shortError).toMatchObject({ code: 'invalid_input', field: 'password' });
    expect(shortError.message).toBe('Body field "password": use at least 10 characters');
    const badEmail = await setUp({ email: 'ana', name: 'Ana', password: TEST_PASSWORD });
    expect((await badEmail.json()).error.field).toBe('email');
    const noName = await setUp({ email: 'ana@example.com', name: '  ', password: TEST_PASSWORD });
    expect((await noName.json()).error.field).toBe('name');

    const created = await setUp({ email: ' Ana@Example.com ', name: 'Ana Lima', password: TEST_PASSWORD });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.user).toEqual({ id: expect.stringMatching(/^usr_/), email: 'ana@example.com', name: 'Ana Lima', role: 'admin' });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const setCookie = created.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^parley_session=[\w-]{40,};/);
    for (const flag of ['HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=1209600']) expect(setCookie).toContain(flag);
    expect(setCookie).not.toContain('Secure');

    const state = await (await anonymous('/api/auth/state', { headers: { cookie: cookieOf(created) } })).json();
    expect(state).toEqual({ needsSetup: false, user: body.user, csrfToken: body.csrfToken });

    const again = await setUp({ email: 'mallory@example.com', name: 'Mallory', password: TEST_PASSWORD });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('already_set_up');
    expect((await anonymous('/api/auth/state')).status).toBe(200);

    // The password is kept as an argon2id hash, never as given.
    const stored = String(parley.deps.store.sqlite.prepare('select password_hash from users').pluck().get());
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(stored).not.toContain(TEST_PASSWORD);
  });

  it('lets only one of two racing set-ups win', async () => {
    parley = testParley();
    const [a, b] = await Promise.all([
      setUp({ email: 'a@example.com', name: 'A', password: TEST_PASSWORD }),
      setUp({ email: 'b@example.com', name: 'B', password: TEST_PASSWORD }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(parley.deps.store.sqlite.prepare('select count(*) from users').pluck().get()).toBe(1);
  });

  it('marks the cookie Secure when Parley is served over https', async () => {
    parley = testParley({}, { PARLEY_PUBLIC_URL: 'https://bots.example.com' });
    const created = await setUp({ email: 'ana@example.com', name: 'Ana', password: TEST_PASSWORD });
    expect(created.headers.get('set-cookie')).toContain('Secure');
  });
});

describe('signing in and out', () => {
  it('answers one 401 for an unknown email and a wrong password, and signs in case-insensitively', async () => {
    parley = testParley();
    await signedInAs(parley, 'editor', 'Eddie');
    const unknown = await logInAs('nobody@parley.test', TEST_PASSWORD);
    const wrong = await logInAs('eddie@parley.test', 'not the password');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    const [unknownError, wrongError] = [(await unknown.json()).error, (await wrong.json()).error];
    expect(unknownError).toEqual(wrongError);
    expect(unknownError).toEqual({ code: 'wrong_credentials', message: 'Wrong email or password.' });
    expect(unknown.headers.get('set-cookie')).toBeNull();

    const ok = await logInAs('EDDIE@parley.test', TEST_PASSWORD);
    expect(ok.status).toBe(200);
    expect((await ok.json()).user).toMatchObject({ email: 'eddie@parley.test', name: 'Eddie', role: 'editor' });
    expect(cookieOf(ok)).toMatch(/^parley_session=/);
    const missing = await anonymous('/api/auth/login', { method: 'POST', body: { email: 'eddie@parley.test' } });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.field).toBe('password');
  });

  it('logs out: 204, the cookie cleared, and the session gone from the store', async () => {
    parley = testParley();
    const browser = await signedInAs(parley, 'editor');
    expect((await browser.request('GET', '/api/bots')).status).toBe(200);

    const forged = await browser.request('POST', '/api/auth/logout', undefined, { csrf: false });
    expect(forged.status).toBe(403);
    expect((await browser.request('GET', '/api/bots')).status).toBe(200);

    const out = await browser.request('POST', '/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^parley_session=;.*Max-Age=0/);
    expect(parley.deps.store.sqlite.prepare('select count(*) from user_sessions').pluck().get()).toBe(0);
    const after = await browser.request('GET', '/api/bots');
    expect(after.status).toBe(401);
    expect((await after.json()).error.message).toContain('sign in again');
    const state = await browser.request('GET', '/api/auth/state');
    expect(await state.json()).toEqual({ needsSetup: false, user: null, csrfToken: null });
    // The stale cookie is cleared so the browser stops sending it.
    expect(state.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    // Signing out without a session is harmless.
    expect((await anonymous('/api/auth/logout', { method: 'POST' })).status).toBe(204);
  });

  it('stores only a hash of the session token', async () => {
    parley = testParley();
    const browser = await signedInAs(parley, 'agent');
    const token = browser.cookie.split('=')[1] ?? '';
    const stored = parley.deps.store.sqlite.prepare('select token_hash from user_sessions').pluck().all();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(token);
  });
});

describe('signing in again', () => {
  it('from a signed-in browser ends its old session and starts a new one', async () => {
    parley = testParley();
    const browser = await signedInAs(parley, 'agent', 'Ada');
    const again = await anonymous('/api/auth/login', { method: 'POST', body: { email: 'ada@parley.test', password: TEST_PASSWORD }, headers: { cookie: browser.cookie } });
    expect(again.status).toBe(200);
    expect(cookieOf(again)).not.toBe(browser.cookie);
    expect((await browser.request('GET', '/api/conversations')).status).toBe(401);
    expect((await anonymous('/api/conversations', { headers: { cookie: cookieOf(again) } })).status).toBe(200);
    expect(parley.deps.store.sqlite.prepare('select count(*) from user_sessions').pluck().get()).toBe(1);
  });
});

describe('CSRF', () => {
  it('refuses unsafe cookie requests without the session CSRF token; bearer requests need none', async () => {
    parley = testParley();
    const browser = await signedInAs(parley, 'editor');
    const without = await browser.request('POST', '/api/bots', { name: 'Shop' }, { csrf: false });
    expect(without.status).toBe(403);
    const error = (await without.json()).error;
    expect(error.code).toBe('csrf_token_invalid');
    expect(error.message).toContain('X-CSRF-Token');
    const wrong = await browser.request('POST', '/api/bots', { name: 'Shop' }, { csrf: false, headers: { 'x-csrf-token': 'guessed' } });
    expect(wrong.status).toBe(403);
    for (const method of ['PUT', 'PATCH', 'DELETE']) expect((await browser.request(method, '/api/bots/shop', { name: 'x' }, { csrf: false })).status).toBe(403);
    expect(parley.deps.store.sqlite.prepare('select count(*) from bots').pluck().get()).toBe(0);

    expect((await browser.request('GET', '/api/bots', undefined, { csrf: false })).status).toBe(200);
    expect((await browser.request('POST', '/api/bots', { name: 'Shop' })).status).toBe(201);
    expect((await parley.request('POST', '/api/bots', { name: 'By script' })).status).toBe(201);
  });
});

describe('sessions', () => {
  it('expire after 14 days unused, and slide while in use', async () => {
    let clock = new Date('2030-01-01T00:00:00Z');
    parley = testParley({ now: () => clock });
    const days = (n: number) => new Date(clock.getTime() + n * 86_400_000);
    const browser = await signedInAs(parley, 'agent');

    clock = days(10);
    const used = await browser.request('GET', '/api/conversations');
    expect(used.status).toBe(200);
    // Pushed forward: the browser is told the new lifetime.
    expect(used.headers.get('set-cookie')).toContain('Max-Age=1209600');
    clock = days(10);
    expect((await browser.request('GET', '/api/conversations')).status).toBe(200);

    clock = days(14.1);
    const expired = await browser.request('GET', '/api/conversations');
    expect(expired.status).toBe(401);
    expect(parley.deps.store.sqlite.prepare('select count(*) from user_sessions').pluck().get()).toBe(0);
  });
});

describe('rate limit on failed sign-ins', () => {
  it('refuses the 11th try in 15 minutes for an email from one address with 429, then lets it in again', async () => {
    let clock = new Date('2030-01-01T00:00:00Z');
    parley = testParley({ now: () => clock });
    await signedInAs(parley, 'editor', 'Eddie');
    const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
    for (let i = 0; i < 10; i++) expect((await logInAs('eddie@parley.test', `wrong-${i}`, from('10.0.0.1'))).status).toBe(401);

    const limited = await logInAs('eddie@parley.test', TEST_PASSWORD, from('10.0.0.1'));
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('too_many_attempts');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('set-cookie')).toBeNull();
    // Another address, or another email, is not held up.
    expect((await logInAs('eddie@parley.test', TEST_PASSWORD, from('10.0.0.2'))).status).toBe(200);
    expect((await logInAs('someone@parley.test', 'whatever', from('10.0.0.1'))).status).toBe(401);

    clock = new Date(clock.getTime() + 15 * 60_000 + 1_000);
    expect((await logInAs('eddie@parley.test', TEST_PASSWORD, from('10.0.0.1'))).status).toBe(200);
  });

  it('counts parallel guesses too', async () => {
    parley = testParley();
    await signedInAs(parley, 'agent', 'Ada');
    const statuses = await Promise.all(Array.from({ length: 14 }, (_, i) => (async () => (await logInAs('ada@parley.test', `guess-${i}`)).status)()));
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
  });

  it('clears the count after a successful sign-in', async () => {
    parley = testParley();
    await signedInAs(parley, 'agent', 'Ada');
    for (let i = 0; i < 9; i++) await logInAs('ada@parley.test', 'wrong password');
    expect((await logInAs('ada@parley.test', TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await logInAs('ada@parley.test', 'wrong password')).status).toBe(401);
  });
});

describe('changing my password', () => {
  it('checks the current one, keeps this session and ends the others', async () => {
    parley = testParley();
    const here = await signedInAs(parley, 'editor', 'Eddie');
    const elsewhere = await logIn(parley, 'eddie@parley.test');
    const change = (body: unknown) => here.request('POST', '/api/auth/password', body);

    const wrong = await change({ currentPassword: 'not it at all', newPassword: 'a brand new secret' });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toMatchObject({ code: 'wrong_password', field: 'currentPassword' });
    const short = await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect((await short.json()).error).toMatchObject({ field: 'newPassword', message: 'Body field "newPassword": use at least 10 characters' });

    expect((await change({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new secret' })).status).toBe(204);
    expect((await here.request('GET', '/api/bots')).status).toBe(200);
    expect((await elsewhere.request('GET', '/api/bots')).status).toBe(401);
    expect((await logInAs('eddie@parley.test', TEST_PASSWORD)).status).toBe(401);
    expect((await logInAs('eddie@parley.test', 'a brand new secret')).status).toBe(200);
  });

  it('is refused to the admin token, which belongs to no user', async () => {
    parley = testParley();
    const response = await parley.request('POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'a brand new secret' });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('not_a_user');
  });
});

describe('who did it', () => {
  it('records the signed-in user as the publisher of a version, and "admin" for the admin token', async () => {
    parley = testParley();
    const editor = await signedInAs(parley, 'editor', 'Eddie Ray');
    expect((await editor.request('POST', '/api/bots', { id: 'b1', name: 'B' })).status).toBe(201);
    const flow = (await (await editor.request('GET', '/api/bots/b1/flow')).json()).flow;
    flow.nodes.push({ id: 'bye', type: 'end', position: { x: 200, y: 0 }, data: {} });
    flow.edges.push({ id: 'e1', source: 'start', target: 'bye' });
    expect((await editor.request('PUT', '/api/bots/b1/flow', { flow })).status).toBe(200);
    expect((await editor.request('POST', '/api/bots/b1/publish')).status).toBe(200);
    expect((await parley.request('POST', '/api/bots/b1/publish')).status).toBe(200);
    const versions = (await (await editor.request('GET', '/api/bots/b1/versions')).json()).versions;
    expect(versions.map((v: { createdBy: string }) => v.createdBy)).toEqual(['admin', 'Eddie Ray <eddie.ray@parley.test>']);
    expect(parley.deps.store.sqlite.prepare('select created_by from flow_versions order by id').pluck().all()).toEqual(['Eddie Ray <eddie.ray@parley.test>', 'admin']);
  });
});
