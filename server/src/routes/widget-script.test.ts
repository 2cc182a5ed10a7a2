import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestParley, testParley } from '../testing';
import { widgetScriptRoutes } from './widget-script';

let parley: TestParley;
beforeEach(() => {
  parley = testParley();
});
afterEach(() => parley.close());

describe('GET /widget.js', () => {
  it('serves the built script as JavaScript, cached and revalidated by ETag', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-widget-'));
    const file = path.join(dir, 'widget.js');
    fs.writeFileSync(file, '(()=>{console.log("widget")})();');
    const app = widgetScriptRoutes(file);
    const first = await app.request('/widget.js');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(first.headers.get('cache-control')).toContain('max-age=300');
    expect(first.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(await first.text()).toBe('(()=>{console.log("widget")})();');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const again = await app.request('/widget.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says how to build it when it is missing', async () => {
    const response = await widgetScriptRoutes('/nonexistent/widget.js').request('/widget.js');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('build');
  });
});

describe('CORS on the web channel', () => {
  it('answers preflights for any origin, without credentials', async () => {
    const response = await parley.app.request('/webhooks/web/any-bot', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('marks answers, errors included, as readable from other origins', async () => {
    const response = await parley.app.request('/webhooks/web/no-such-bot', {
      method: 'POST',
      headers: { origin: 'https://shop.example', 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: 'x', text: 'hi' }),
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('leaves the signed-in API without CORS', async () => {
    const response = await parley.app.request('/api/bots', { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
