import type { RequestListener } from 'node:http';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { authenticate } from './auth/authenticate';
import type { AuthEnv } from './auth/caller';
import { accessByRoute, withRole, withRoles } from './auth/guard';
import type { AppDeps } from './deps';
import { errorResponse, internalErrorBody } from './errors';
import { inboxTurnListener } from './inbox/announce';
import { createInboxLive } from './inbox/events';
import { limitBody } from './http/body-limit';
import { WEB_MESSAGE_MAX_BYTES, webMessageListener } from './http/web-messages';
import { webhookContext } from './payments/settle';
import { authRoutes } from './routes/auth';
import { botRoutes } from './routes/bots';
import { channelConnectionRoutes } from './routes/channel-connections';
import { channelWebhookRoutes } from './routes/channel-webhooks';
import { cannedResponseRoutes } from './routes/canned-responses';
import { checkoutRoutes } from './routes/checkout';
import { conversationRoutes } from './routes/conversations';
import { editorRoutes } from './routes/editor';
import { exampleAssetRoutes } from './routes/example-assets';
import { faqReadRoutes } from './routes/faq';
import { faqWriteRoutes } from './routes/faq-write';
import { flowRoutes } from './routes/flow';
import { healthRoutes } from './routes/health';
import { inboxRoutes } from './routes/inbox';
import { inboxEventRoutes } from './routes/inbox-events';
import { metaRoutes } from './routes/meta';
import { orderRoutes } from './routes/orders';
import { passwordRoutes } from './routes/password';
import { teamRoutes } from './routes/teams';
import { productRoutes } from './routes/products';
import { testChatRoutes } from './routes/test-chat';
import { tokenRoutes } from './routes/tokens';
import { userRoutes } from './routes/users';
import { versionRoutes } from './routes/versions';
import { webRoutes } from './routes/web';
import { webChannelCors } from './routes/web-cors';
import { webEventRoutes } from './routes/web-events';
import { createWebLive, webLiveTurnListener } from './routes/web-live';
import { defaultWidgetFile, widgetScriptRoutes } from './routes/widget-script';
import { webhookRoutes } from './routes/webhooks';
import { withTurnListeners } from './turns/listeners';

/**
 * The whole HTTP surface, composed from one sub-app per concern. `nodeListener` is what a Node server
 * serves: customers' web messages straight to the pipeline, everything else to the app (`appListener`).
 */
export function createApp(given: AppDeps) {
  // The web widget's live stream is woken by every turn the routes commit.
  const live = createWebLive(given.store);
  // Open inboxes hear of hand-offs queued and customers writing, as turns commit.
  const inboxLive = createInboxLive(given.store);
  const deps: AppDeps = { ...given, pipeline: withTurnListeners(given.pipeline, [webLiveTurnListener(live), inboxTurnListener(given.store, inboxLive, given.now)]) };
  const app = new Hono();
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500)
      return errorResponse(c, { status: error.status === 413 ? 413 : 400, code: 'bad_request', message: error.message });
    console.error('Unexpected error', error);
    return c.json(internalErrorBody, 500);
  });
  app.notFound((c) => errorResponse(c, { status: 404, code: 'not_found', message: `No route ${c.req.method} ${c.req.path}.` }));

  app.route('/api/health', healthRoutes(deps));
  app.get('/api/openapi.json', (c) => c.json(deps.docs.document(accessByRoute(app.routes))));
  // Webhooks are public: a body larger than any chat message is refused before it is read. A
  // platform's webhook may batch many events (Meta: up to 1000), so it is allowed more.
  app.use('/webhooks/web/*', webChannelCors());
  app.use('/webhooks/web/*', limitBody(WEB_MESSAGE_MAX_BYTES));
  app.route('/webhooks/web', webRoutes(deps));
  app.route('/webhooks/web', webEventRoutes(deps, live));
  app.route('/', widgetScriptRoutes(defaultWidgetFile()));
  for (const channel of deps.channels.all()) {
    app.use(`/webhooks/${channel.id}/*`, limitBody(1024 * 1024));
    app.route(`/webhooks/${channel.id}`, channelWebhookRoutes(channel, deps));
  }
  app.use('/webhooks/payments/*', limitBody(256 * 1024));
  // Each payment provider's own webhook (Stripe's, a plugin's), public: it checks its signature itself.
  for (const provider of deps.paymentProviders.values())
    if (provider.webhook) {
      app.route(`/webhooks/payments/${provider.id}`, provider.webhook(webhookContext(deps, provider.id)));
      deps.docs.add({
        method: 'post',
        path: `/webhooks/payments/${provider.id}`,
        summary: `The "${provider.id}" payment provider's webhook (its own signature checked): settles payments exactly once`,
        tag: 'Payments',
        public: true,
        responses: { 200: { description: 'Received' }, 401: { description: 'Missing or wrong signature' } },
      });
    }
  app.route('/checkout', checkoutRoutes(deps));
  app.route('/assets/examples', exampleAssetRoutes());

  // Who may do what: each sub-app is mounted behind the role it needs (admin > editor > agent);
  // `user` is any signed-in person, for their own account. /api/auth's sign-in routes are public.
  const ordersApi = orderRoutes(deps);
  const api = new Hono<AuthEnv>()
    .use('*', authenticate(deps))
    .route('/auth', authRoutes(deps))
    .route('/auth', withRole('user', passwordRoutes(deps)))
    .route('/me/tokens', withRole('user', tokenRoutes(deps)))
    .route('/users', withRole('admin', userRoutes(deps)))
    .route('/bots', withRole('editor', botRoutes(deps)))
    .route('/bots', withRole('editor', flowRoutes(deps)))
    .route('/bots', withRole('editor', versionRoutes(deps)))
    .route('/bots', withRole('editor', productRoutes(deps)))
    .route('/bots', withRole('agent', faqReadRoutes(deps)))
    .route('/bots', withRole('editor', faqWriteRoutes(deps)))
    .route('/bots', withRole('editor', ordersApi.bot))
    .route('/orders', withRole('editor', ordersApi.single))
    .route('/bots', withRole('editor', webhookRoutes(deps)))
    .route('/bots', withRole('editor', channelConnectionRoutes(deps)))
    .route('/bots', withRole('editor', testChatRoutes(deps)))
    .route('/', withRole('editor', metaRoutes(deps)))
    .route('/conversations', withRole('agent', conversationRoutes(deps)))
    .route('/teams', withRoles({ read: 'agent', write: 'editor' }, teamRoutes(deps)))
    .route('/canned-responses', withRoles({ read: 'agent', write: 'editor' }, cannedResponseRoutes(deps)))
    .route('/inbox', withRole('agent', inboxEventRoutes(deps, inboxLive)))
    .route('/inbox', withRole('agent', inboxRoutes(deps, inboxLive)));
  app.route('/api', api);
  if (deps.config.editorDir) app.route('/', editorRoutes(deps.config.editorDir));
  return { app, nodeListener: (appListener: RequestListener) => webMessageListener(deps.pipeline, appListener) };
}
