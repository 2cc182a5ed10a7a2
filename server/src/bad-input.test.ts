import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestParley, testParley } from './testing';

/**
 * Every route that takes a body, fed what a careless client sends: the answer is a 4xx naming what is
 * wrong, never a 500 or a crash. New routes are covered as soon as they are mounted.
 */

let parley: TestParley;
let botId = '';
beforeAll(async () => {
  parley = testParley();
  const created = await parley.request('POST', '/api/bots', { name: 'Bad input' });
  botId = (await created.json()).id;
});
afterAll(() => parley.close());

/** Every route that may take a body: the API and the webhooks (platforms, payments, the web channel). */
const routesWithBodies = () => [
  ...new Map(
    parley.app.routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method)).map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }]),
  ).values(),
];

/** A real bot where a route names one (so the request reaches the bot's own checks), else an id that exists nowhere. */
const concrete = (path: string) => path.replace(/:(id|botId)\b/g, botId).replace(':version', '1').replace(/:\w+/g, 'ghost');

const badBodies: { name: string; body: string }[] = [
  { name: 'malformed JSON', body: '{"name": "unterminated' },
  { name: 'an array', body: '[1, 2, 3]' },
  { name: 'wrong types everywhere', body: JSON.stringify({ name: 42, text: [], url: 7, email: {}, nodeId: 3, items: 'x', flow: 'x', revision: 'x', role: 9, password: 1 }) },
  { name: 'null', body: 'null' },
];

describe('bad input on every JSON route', () => {
  it('covers every route that takes a body', async () => {
    expect(routesWithBodies().length).toBeGreaterThan(25);
  });

  it('answers 4xx with a JSON error naming the problem, never 5xx', async () => {
    const wrong: string[] = [];
    for (const route of routesWithBodies()) {
      for (const { name, body } of badBodies) {
        const response = await parley.request(route.method, concrete(route.path), body);
        const label = `${route.method} ${route.path} with ${name}`;
        if (response.status >= 500) {
          wrong.push(`${label}: ${response.status}`);
          continue;
        }
        if (response.status < 400) continue; // a route may take nothing from its body
        const payload: unknown = await response.json().catch(() => null);
        const error = typeof payload === 'object' && payload !== null && 'error' in payload ? payload.error : undefined;
        const message = typeof error === 'object' && error !== null && 'message' in error ? error.message : undefined;
        if (typeof message !== 'string' || message === '') wrong.push(`${label}: ${response.status} without an error message`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses malformed JSON with 400 on routes that read a body', async () => {
    const response = await parley.request('PUT', `/api/bots/${botId}/flow`, '{"flow": ');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });
});
