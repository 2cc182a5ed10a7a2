import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requireAdmin } from './auth';
import type { AppDeps } from './deps';
import { errorResponse } from './errors';
import { limitBody } from './http/body-limit';
import { adminRoutes } from './routes/admin';
import { channelConnectionRoutes } from './routes/channel-connections';
import { channelWebhookRoutes } from './routes/channel-webhooks';
import { checkoutRoutes } from './routes/checkout';
import { editorRoutes } from './routes/editor';
import { exampleAssetRoutes } from './routes/example-assets';
import { healthRoutes } from './routes/health';
import { webRoutes } from './routes/web';

/** The whole HTTP surface, composed from one sub-app per concern. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500)
      return errorResponse(c, { status: error.status === 413 ? 413 : 400, code: 'bad_request', message: error.message });
    console.error('Unexpected error', error);
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side; nothing was lost. Please retry.' } }, 500);
  });
  app.notFound((c) => errorResponse(c, { status: 404, code: 'not_found', message: `No route ${c.req.method} ${c.req.path}.` }));

  app.route('/api/health', healthRoutes(deps));
  app.get('/api/openapi.json', (c) => c.json(deps.docs.document()));
  // Webhooks are public: a body larger than any chat message is refused before it is read. A
  // platform's webhook may batch many events (Meta: up to 1000), so it is allowed more.
  app.use('/webhooks/web/*', limitBody(64 * 1024));
  app.route('/webhooks/web', webRoutes(deps));
  for (const channel of deps.channels.all()) {
    app.use(`/webhooks/${channel.id}/*`, limitBody(1024 * 1024));
    app.route(`/webhooks/${channel.id}`, channelWebhookRoutes(channel, deps));
  }
  app.route('/checkout', checkoutRoutes(deps));
  app.route('/assets/examples', exampleAssetRoutes());

  const api = new Hono();
  api.use('*', requireAdmin(deps.auth));
  api.route('/', adminRoutes(deps));
  api.route('/bots', channelConnectionRoutes(deps));
  app.route('/api', api);
  if (deps.config.editorDir) app.route('/', editorRoutes(deps.config.editorDir));
  return app;
}
