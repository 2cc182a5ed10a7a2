import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBrowser, type TestParley, signedInAs, testParley } from './testing';

/**
 * THE ROLE MATRIX: every API route the app has, called by nobody, an agent, an editor, an admin (signed
 * in) and the admin token. Routes are read from the app itself, so a new route without a rule here fails.
 */
type Rule = 'public' | 'agent' | 'editor' | 'admin' | 'user';

const rules: Record<string, Rule> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/auth/state': 'public',
  'POST /api/auth/setup': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',

  'POST /api/auth/password': 'user',
  'GET /api/me/tokens': 'user',
  'POST /api/me/tokens': 'user',
  'DELETE /api/me/tokens/:id': 'user',

  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'PATCH /api/users/:id': 'admin',
  'DELETE /api/users/:id': 'admin',

  'GET /api/bots': 'editor',
  'POST /api/bots': 'editor',
  'GET /api/bots/:id': 'editor',
  'PATCH /api/bots/:id': 'editor',
  'DELETE /api/bots/:id': 'editor',
  'GET /api/bots/:id/flow': 'editor',
  'PUT /api/bots/:id/flow': 'editor',
  'GET /api/bots/:id/export': 'editor',
  'POST /api/bots/:id/import': 'editor',
  'POST /api/bots/:id/publish': 'editor',
  'GET /api/bots/:id/versions': 'editor',
  'GET /api/bots/:id/versions/:version': 'editor',
  'POST /api/bots/:id/versions/:version/rollback': 'editor',
  'GET /api/bots/:id/products': 'editor',
  'POST /api/bots/:id/products': 'editor',
  'GET /api/bots/:id/orders': 'editor',
  'POST /api/bots/:id/test-chat': 'editor',
  'DELETE /api/bots/:id/test-chat/:chatId': 'editor',
  'GET /api/bots/:id/channels': 'editor',
  'GET /api/bots/:id/channels/:channel': 'editor',
  'PUT /api/bots/:id/channels/:channel': 'editor',
  'DELETE /api/bots/:id/channels/:channel': 'editor',
  'POST /api/bots/:id/channels/:channel/check': 'editor',
  'PUT /api/bots/:id/products/:sku': 'editor',
  'PATCH /api/bots/:id/products/:sku': 'editor',
  'DELETE /api/bots/:id/products/:sku': 'editor',
  'GET /api/orders/:id': 'editor',
  'GET /api/bots/:id/faq': 'agent',
  'GET /api/bots/:id/faq.csv': 'agent',
  'GET /api/bots/:id/faq/unanswered': 'agent',
  'PUT /api/bots/:id/faq': 'editor',
  'POST /api/bots/:id/faq/import': 'editor',
  'POST /api/bots/:id/faq/unanswered/dismiss': 'editor',
  'GET /api/bots/:id/webhooks': 'editor',
  'POST /api/bots/:id/webhooks': 'editor',
  'DELETE /api/bots/:id/webhooks/:hookId': 'editor',
  'GET /api/bots/:id/webhooks/:hookId/deliveries': 'editor',
  'GET /api/node-types': 'editor',
  'GET /api/flow-schema.json': 'editor',
  'POST /api/validate': 'editor',

  'GET /api/conversations': 'agent',
  'GET /api/conversations/:id': 'agent',
  'POST /api/conversations/:id/release': 'agent',

  'GET /api/teams': 'agent',
  'POST /api/teams': 'editor',
  'PUT /api/teams/:id': 'editor',
  'DELETE /api/teams/:id': 'editor',
  'GET /api/canned-responses': 'agent',
  'POST /api/canned-responses': 'editor',
  'PUT /api/canned-responses/:id': 'editor',
  'DELETE /api/canned-responses/:id': 'editor',
  'GET /api/inbox': 'agent',
  'GET /api/inbox/agents': 'agent',
  'GET /api/inbox/events': 'agent',
  'GET /api/inbox/:id': 'agent',
  'POST /api/inbox/:id/claim': 'agent',
  'POST /api/inbox/:id/assign': 'agent',
  'POST /api/inbox/:id/reply': 'agent',
  'POST /api/inbox/:id/note': 'agent',
  'POST /api/inbox/:id/resolve': 'agent',
  'PUT /api/inbox/presence': 'agent',
};

type Who = 'anonymous' | 'agent' | 'editor' | 'admin' | 'adminToken';
const rank = { agent: 1, editor: 2, admin: 3 } as const;

/** The status class `who` must get: refused with 401 or 403, or let through to the handler. */
function expected(rule: Rule, who: Who): 401 | 403 | 'allowed' {
  if (rule === 'public') return 'allowed';
  if (who === 'anonymous') return 401;
  if (who === 'adminToken') return rule === 'user' ? 403 : 'allowed';
  if (rule === 'user') return 'allowed';
  return rank[who] >= rank[rule] ? 'allowed' : 403;
}

let parley: TestParley;
let browsers: Record<'agent' | 'editor' | 'admin', TestBrowser>;
beforeAll(async () => {
  parley = testParley();
  browsers = { agent: await signedInAs(parley, 'agent'), editor: await signedInAs(parley, 'editor'), admin: await signedInAs(parley, 'admin') };
});
afterAll(() => parley.close());

const apiRoutes = () => [...new Set(parley.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api')).map((r) => `${r.method} ${r.path}`))];

function call(who: Who, method: string, path: string): Promise<Response> {
  // Ids that exist nowhere: an allowed call ends in 400 or 404 and changes nothing.
  const concrete = path.replace(':version', '1').replace(/:\w+/g, 'ghost');
  const body = method === 'GET' || method === 'DELETE' ? undefined : {};
  if (who === 'anonymous' || who === 'adminToken')
    return parley.request(method, concrete, body, who === 'anonymous' ? { authorization: '' } : {});
  return browsers[who].request(method, concrete, body);
}

describe('role matrix', () => {
  it('has a rule for every API route, and no rule for a route that is gone', () => {
    const routes = apiRoutes();
    expect(routes.filter((route) => !(route in rules)), 'routes without a rule').toEqual([]);
    expect(Object.keys(rules).filter((route) => !routes.includes(route)), 'rules without a route').toEqual([]);
  });

  it('answers every route × caller with 401, 403 or lets it through', async () => {
    const wrong: string[] = [];
    for (const route of apiRoutes()) {
      const [method = '', path = ''] = route.split(' ');
      const rule = rules[route] ?? 'public';
      const callers: Who[] = rule === 'public' ? ['anonymous'] : ['anonymous', 'agent', 'editor', 'admin', 'adminToken'];
      for (const who of callers) {
        const response = await call(who, method, path);
        const want = expected(rule, who);
        const got = response.status;
        const fits = want === 'allowed' ? got !== 401 && got !== 403 && got < 500 : got === want;
        if (!fits) wrong.push(`${route} as ${who}: ${got}, expected ${want}`);
        if (fits && want !== 'allowed') {
          const code = (await response.json()).error.code;
          const codes = want === 401 ? ['unauthorized'] : ['forbidden', 'not_a_user'];
          if (!codes.includes(code)) wrong.push(`${route} as ${who}: code ${code}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('documents each route’s role in the OpenAPI document', async () => {
    const doc = await (await parley.app.request('/api/openapi.json')).json();
    const missing: string[] = [];
    for (const route of apiRoutes()) {
      if (route === 'GET /api/openapi.json') continue;
      const [method = '', path = ''] = route.split(' ');
      const operation = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      const rule = rules[route];
      if (!operation) missing.push(`${route}: not documented`);
      else if (rule === 'public' ? operation.security?.length !== 0 : operation['x-parley-access'] !== rule)
        missing.push(`${route}: documented as ${operation['x-parley-access'] ?? 'public'}, is ${rule}`);
      else if (rule !== 'public' && !(operation.responses['401'] && operation.responses['403'])) missing.push(`${route}: 401 and 403 not documented`);
    }
    expect(missing).toEqual([]);
  });
});
