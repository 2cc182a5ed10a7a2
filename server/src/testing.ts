import { parseConfig } from './env';
import { type ParleyOptions, createParley } from './parley';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A whole Parley on an in-memory store, for tests that drive it with `app.request()`. */
export function testParley(options: ParleyOptions = {}, env: Record<string, string> = {}) {
  const parsed = parseConfig({ PARLEY_DB: ':memory:', PARLEY_ADMIN_TOKEN: TEST_ADMIN_TOKEN, PARLEY_SEED_EXAMPLES: 'false', PARLEY_PUBLIC_URL: 'http://parley.test', ...env });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const parley = createParley(parsed.config, { scheduler: false, ...options });
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    parley.app.request(path, {
      method,
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { ...parley, request };
}

export type TestParley = ReturnType<typeof testParley>;

export const TEST_PASSWORD = 'correct horse battery';

/** A browser session: every request carries its cookie, and its CSRF token unless `csrf: false`. */
export interface TestBrowser {
  cookie: string;
  csrfToken: string;
  user: { id: string; email: string; name: string; role: string };
  request(method: string, path: string, body?: unknown, options?: { csrf?: boolean; headers?: Record<string, string> }): Promise<Response>;
}

/** The `name=value` of a Set-Cookie header, as a browser sends it back. */
export const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

/** Signs in through POST /api/auth/login, as the editor does. */
export async function logIn(parley: TestParley, email: string, password = TEST_PASSWORD): Promise<TestBrowser> {
  const response = await parley.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  const { user, csrfToken } = await response.json();
  const cookie = cookieOf(response);
  return {
    cookie,
    csrfToken,
    user,
    request: async (method, path, body, options = {}) =>
      parley.app.request(path, {
        method,
        headers: {
          cookie,
          ...(options.csrf === false ? {} : { 'x-csrf-token': csrfToken }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}

/** Adds a user with `role` through the admin token, and signs them in. */
export async function signedInAs(parley: TestParley, role: 'admin' | 'editor' | 'agent', name = `${role[0]?.toUpperCase()}${role.slice(1)} Person`): Promise<TestBrowser> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@parley.test`;
  const created = await parley.request('POST', '/api/users', { email, name, role, password: TEST_PASSWORD });
  if (created.status !== 201) throw new Error(`creating ${email} answered ${created.status}: ${await created.text()}`);
  return logIn(parley, email);
}
