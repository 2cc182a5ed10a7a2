import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { upsertContact } from '../channels/contacts';
import { recordChannelEvent } from '../channels/events';
import { heldReplies } from '../channels/held';
import { profileLookups } from '../channels/profiles';
import type { Channel, ChannelConnection, RawRequest, WebhookMessage } from '../channels/types';
import type { AppDeps } from '../deps';
import { type AppError, type Result, errorResponse, fail } from '../errors';

const unsigned = (channel: Channel): AppError => ({
  status: 401,
  code: 'unauthorized',
  message: `The request does not carry a valid ${channel.title} signature for this bot; nothing was processed.`,
});

async function rawRequest(c: Context): Promise<RawRequest> {
  // Read once, as bytes: signatures are over exactly what was sent.
  return { method: c.req.method, url: new URL(c.req.url), headers: c.req.raw.headers, body: new Uint8Array(await c.req.arrayBuffer()) };
}

/**
 * One messaging app's webhook, `/webhooks/<channel>/:botId`: the raw body is verified against the bot's
 * connection, parsed, and each message run through the same turn pipeline as the web channel (dedupe
 * by the platform's message id, strict order per customer). Push channels answer once the turns are
 * stored and send the replies after; synchronous ones answer with them.
 */
export function channelWebhookRoutes(channel: Channel, deps: AppDeps) {
  const { connections, pipeline, dispatch, store } = deps;
  const profiles = profileLookups(store, { apiUrls: deps.config.channelApis, fetch: deps.effects.fetch, timeoutMs: 10_000 }, deps.config.log === 'silent' ? undefined : (message) => console.error(message));
  deps.docs.add(
    {
      method: 'post',
      path: `/webhooks/${channel.id}/{botId}`,
      summary: `${channel.title} webhook: signed platform events, run as turns`,
      tag: 'Channels',
      public: true,
      responses: { 200: { description: 'Stored (replies follow, or are the answer)' }, 401: { description: 'Missing or wrong signature' }, 404: { description: 'No such bot or connection' } },
    },
    {
      method: 'get',
      path: `/webhooks/${channel.id}/{botId}`,
      summary: `${channel.title} webhook verification handshake, where the platform has one`,
      tag: 'Channels',
      public: true,
      query: z.object({}),
      responses: { 200: { description: 'The challenge echoed' }, 403: { description: 'Wrong verify token or signature' } },
    },
  );

  function connect(botId: string): Result<ChannelConnection> {
    const stored = connections.get(botId, channel.id);
    if (!stored) return fail({ status: 404, code: 'not_found', message: `Bot "${botId}" has no ${channel.title} connection.` });
    if (stored.unreadable.length > 0)
      return fail({
        status: 409,
        code: 'connection_invalid',
        message: `The ${channel.title} connection of bot "${botId}" holds ${stored.unreadable.join(', ')} sealed with another secret key than this server's (PARLEY_SECRET_KEY): set the connection again.`,
      });
    const bound = channel.bind(stored.config);
    return bound.ok ? bound : fail({ status: 409, code: 'connection_invalid', message: `The ${channel.title} connection of bot "${botId}" no longer fits: ${bound.error.message}` });
  }

  return new Hono()
    .get('/:botId', async (c) => {
      const connection = connect(c.req.param('botId'));
      if (!connection.ok) return errorResponse(c, connection.error);
      const { handshake } = connection.value;
      if (!handshake) return errorResponse(c, { status: 404, code: 'not_found', message: `${channel.title} webhooks have no GET handshake.` });
      const answer = handshake(await rawRequest(c));
      if (answer === undefined) return errorResponse(c, { status: 403, code: 'forbidden', message: `The ${channel.title} verification does not match this bot's connection.` });
      return c.text(answer);
    })
    .post('/:botId', async (c) => {
      const botId = c.req.param('botId');
      const connection = connect(botId);
      if (!connection.ok) return errorResponse(c, connection.error);
      const { verify, parse, answer, send } = connection.value;
      const raw = await rawRequest(c);
      if (!verify(raw)) return errorResponse(c, unsigned(channel));
      // Switched off: acknowledged, so the platform does not retry, and nothing runs.
      if (!connection.value.enabled) return c.json({ received: 0, events: 0, disabled: true });
      const parsed = parse(raw);
      if (!parsed.ok) return errorResponse(c, parsed.error);

      const now = new Date();
      const messages: WebhookMessage[] = [];
      for (const item of parsed.value) {
        if (item.type === 'message') messages.push(item);
        else recordChannelEvent(store, { botId, channel: channel.id, customerId: item.customerId, name: item.name, messageId: item.messageId, data: item.data, now });
      }
      // All started at once: the pipeline's queue keeps each customer's messages in this order.
      const outcomes = await Promise.all(
        messages.map(async (item, index) => {
          const address = { botId, channel: channel.id, externalKey: item.customer.id };
          // Before the turn, so the flow reads the customer's name and language from its first message.
          upsertContact(store, { botId, channel: channel.id, customer: item.customer, now });
          const outcome = await pipeline.receive(address, item.inbound, item.messageId);
          // Delivered from the turn log once committed, in commit order; a repeat was delivered before.
          const answered = answer !== undefined && index === 0;
          if (outcome.ok && !outcome.value.duplicate && !answered) dispatch.committed(outcome.value.conversationId, { messageId: item.messageId, context: item.context });
          // Not awaited: the acknowledgement never waits for the platform's profile API.
          if (outcome.ok && !outcome.value.duplicate) profiles.after({ botId, channel: channel.id, customerId: item.customer.id, connection: connection.value });
          return outcome;
        }),
      );
      const failed = outcomes.find((outcome) => !outcome.ok);
      if (failed && !failed.ok) return errorResponse(c, failed.error);

      if (answer) {
        const first = messages[0];
        const outcome = outcomes[0];
        let replies = outcome?.ok ? outcome.value.replies : [];
        // Without a push API, what system turns said since the customer's last message goes out now.
        if (outcome?.ok && !outcome.value.duplicate && !send) replies = [...heldReplies(store, outcome.value.conversationId), ...replies];
        const reply = answer(raw, first, replies);
        // A platform's retry is answered again; what followed the first answer was already sent.
        if (first && outcome?.ok && !outcome.value.duplicate && reply.later.length > 0) dispatch.sendNow(outcome.value.conversationId, reply.later, first.context);
        return c.body(reply.body, 200, { 'content-type': reply.contentType });
      }
      return c.json({ received: messages.length, events: parsed.value.length - messages.length });
    });
}
