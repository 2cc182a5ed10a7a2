import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { jsonBody } from '../http/validate';
import { createWebhook, createWebhookSchema, deleteWebhook, listDeliveries, listWebhooks } from '../webhooks/manage';

/** A bot's outgoing webhooks: the brand's systems hear of every order change, signed. */
export function webhookRoutes(deps: AppDeps) {
  const tag = 'Webhooks';
  deps.docs.add(
    { method: 'get', path: '/api/bots/{id}/webhooks', summary: "The bot's webhooks (secrets shown only at creation)", tag, responses: { 200: { description: 'Webhooks' }, 404: { description: 'Unknown bot' } } },
    {
      method: 'post',
      path: '/api/bots/{id}/webhooks',
      summary: 'Add an endpoint; each event is POSTed with X-Parley-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>',
      tag,
      body: createWebhookSchema,
      responses: { 201: { description: 'Created, with its secret (shown once)' }, 404: { description: 'Unknown bot' } },
    },
    { method: 'delete', path: '/api/bots/{id}/webhooks/{hookId}', summary: 'Remove an endpoint', tag, responses: { 200: { description: 'Removed' }, 404: { description: 'Unknown webhook' } } },
    { method: 'get', path: '/api/bots/{id}/webhooks/{hookId}/deliveries', summary: 'Latest deliveries: pending, delivered or failed with the error', tag, responses: { 200: { description: 'Deliveries' }, 404: { description: 'Unknown webhook' } } },
  );
  return new Hono()
    .get('/:id/webhooks', (c) => {
      const listed = listWebhooks(deps, c.req.param('id'));
      return listed.ok ? c.json({ webhooks: listed.value }) : errorResponse(c, listed.error);
    })
    .post('/:id/webhooks', jsonBody(createWebhookSchema), (c) => {
      const created = createWebhook(deps, c.req.param('id'), c.req.valid('json'));
      return created.ok ? c.json(created.value, 201) : errorResponse(c, created.error);
    })
    .delete('/:id/webhooks/:hookId', (c) => {
      const deleted = deleteWebhook(deps, c.req.param('id'), c.req.param('hookId'));
      return deleted.ok ? c.json(deleted.value) : errorResponse(c, deleted.error);
    })
    .get('/:id/webhooks/:hookId/deliveries', (c) => {
      const listed = listDeliveries(deps, c.req.param('id'), c.req.param('hookId'));
      return listed.ok ? c.json({ deliveries: listed.value }) : errorResponse(c, listed.error);
    });
}
