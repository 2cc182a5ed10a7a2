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
