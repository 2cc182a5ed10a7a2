import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { errorResponse } from '../errors';

/** Where the build puts the widget: beside the bundled server, or in server/dist when run from source. */
export function defaultWidgetFile(): string {
  const candidates = [new URL('./widget.js', import.meta.url), new URL('../../dist/widget.js', import.meta.url)].map((url) => fileURLToPath(url));
  return candidates.find((file) => fs.existsSync(file)) ?? candidates[candidates.length - 1] ?? '';
}

/**
 * `GET /widget.js`: the web chat widget, for any site's `<script src>`. Cached briefly and revalidated
 * by ETag, so a new release reaches pages within minutes; the file is read once it exists.
 */
export function widgetScriptRoutes(file: string) {
  let loaded: { body: string; etag: string } | undefined;
  const load = () => {
    if (loaded) return loaded;
    if (!fs.existsSync(file)) return undefined;
    const body = fs.readFileSync(file, 'utf8');
    loaded = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
    return loaded;
  };
  return new Hono().get('/widget.js', (c) => {
    const script = load();
    if (!script) return errorResponse(c, { status: 404, code: 'not_found', message: 'The widget is not built: run "npx -y pnpm@9 --filter @parley/server build".' });
    const headers = {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300, stale-while-revalidate=86400',
      etag: script.etag,
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
    };
    if (c.req.header('if-none-match') === script.etag) return c.body(null, 304, headers);
    return c.body(script.body, 200, headers);
  });
}
