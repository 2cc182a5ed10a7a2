import { describe, expect, it } from 'vitest';
import { testParley } from '../testing';

describe('system routes', () => {
  it('health answers 200 while the store is open and 503 once it is not', async () => {
    const parley = testParley();
    expect(await (await parley.request('GET', '/api/health', undefined, { authorization: '' })).json()).toEqual({ status: 'ok' });
    parley.deps.store.sqlite.close();
    const down = await parley.request('GET', '/api/health');
    expect(down.status).toBe(503);
    expect((await down.json()).error.code).toBe('store_unavailable');
  });

  it('serves the OpenAPI document, generated from the route schemas, without a token', async () => {
    const parley = testParley();
    const response = await parley.request('GET', '/api/openapi.json', undefined, { authorization: '' });
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toMatch(/^3\./);
    const web = doc.paths['/webhooks/web/{botId}'].post;
    expect(web.requestBody.content['application/json'].schema.properties.conversationId.type).toBe('string');
    for (const path of ['/api/bots', '/api/bots/{id}/flow', '/api/bots/{id}/publish', '/api/bots/{id}/products', '/api/conversations/{id}/release', '/api/health'])
      expect(Object.keys(doc.paths)).toContain(path);
    parley.close();
  });

  it('answers unknown routes with a JSON 404', async () => {
    const parley = testParley();
    const response = await parley.request('GET', '/api/no-such-thing');
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
    parley.close();
  });
});
