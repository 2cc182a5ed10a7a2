import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Serves the built editor, with index.html for its client-side routes. */
export function editorRoutes(dir: string) {
  const app = new Hono();
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) {
    return app.get('/', (c) =>
      c.html('<!doctype html><title>Parley</title><p>The editor is not built. Run <code>npx -y pnpm@9 start</code> from the project root, which builds it first.</p>'),
    );
  }
  const root = path.relative(process.cwd(), dir) || '.';
  app.use('/*', serveStatic({ root }));
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/webhooks/')) return c.notFound();
    return c.html(fs.readFileSync(index, 'utf8'));
  });
  return app;
}
