import { Hono } from 'hono';
import { z } from 'zod';
import { findBot } from '../bots/find';
import { checkConnection, connectionCheckSchema } from '../channels/check';
import { type StoredConnection, maskSecrets } from '../channels/connections';
import type { Channel } from '../channels/types';
import type { AppDeps } from '../deps';
import { type AppError, errorResponse, notFound } from '../errors';
import { invalidInput, jsonBody } from '../http/validate';

const tag = 'Channels';
const connectionInput = z.record(z.string(), z.unknown()).meta({ description: "The channel's connection fields (ids, tokens, secrets); a secret left out keeps its stored value." });
const connectionView = z.object({
  channel: z.string(),
  title: z.string(),
  webhookUrl: z.string(),
  connected: z.boolean(),
  /** Switched off: webhooks are acknowledged and ignored, nothing is sent. */
  enabled: z.boolean(),
  /** Fields that are secrets: shown masked, kept when left out of a PUT. */
  secrets: z.array(z.string()),
  /** The connection config's JSON Schema (as a PUT takes it), for forms. */
  schema: z.record(z.string(), z.unknown()),
  config: z.record(z.string(), z.unknown()).nullable(),
  /** Secrets stored under another key than this server's: set them again. */
  unreadable: z.array(z.string()),
  updatedAt: z.string().nullable(),
});

/** `enabled` is shown on its own, beside the platform's fields. */
const withoutEnabled = ({ enabled: _enabled, ...config }: Record<string, unknown>) => config;

/** Connecting a bot to messaging apps: `/api/bots/:id/channels/:channel`; secrets are masked on read. */
export function channelConnectionRoutes(deps: AppDeps) {
  const { channels, connections, config } = deps;
  deps.docs.add(
    { method: 'get', path: '/api/bots/{id}/channels', summary: "Every channel and the bot's connection to it", tag, responses: { 200: { description: 'Channels', schema: z.object({ channels: z.array(connectionView) }) } } },
    { method: 'get', path: '/api/bots/{id}/channels/{channel}', summary: "The bot's connection to one channel (secrets masked)", tag, responses: { 200: { description: 'The connection', schema: connectionView }, 404: { description: 'Unknown bot or channel, or not connected' } } },
    { method: 'put', path: '/api/bots/{id}/channels/{channel}', summary: 'Connect the bot to a channel, or change its connection', tag, body: connectionInput, responses: { 200: { description: 'The connection (secrets masked)', schema: connectionView } } },
    { method: 'delete', path: '/api/bots/{id}/channels/{channel}', summary: 'Disconnect the bot from a channel', tag, responses: { 200: { description: 'Disconnected', schema: z.object({ deleted: z.string() }) } } },
    {
      method: 'post',
      path: '/api/bots/{id}/channels/{channel}/check',
      summary: 'Check a connection without calling the platform: config, secrets, webhook URL',
      tag,
      responses: { 200: { description: 'What was checked', schema: z.object({ checks: z.array(connectionCheckSchema) }) }, 404: { description: 'Unknown bot or channel, or not connected' } },
    },
  );
  // Made once per channel: the forms read it on every visit.
  const schemas = new Map(channels.all().map((channel) => [channel.id, z.toJSONSchema(channel.config, { io: 'input', unrepresentable: 'any' })]));
  const webhookUrlOf = (botId: string, channel: Channel) => `${config.publicUrl}/webhooks/${channel.id}/${encodeURIComponent(botId)}`;

  const view = (botId: string, channel: Channel, stored: StoredConnection | undefined) => ({
    channel: channel.id,
    title: channel.title,
    webhookUrl: webhookUrlOf(botId, channel),
    connected: stored !== undefined,
    enabled: stored?.config.enabled !== false,
    secrets: [...channel.secrets],
    schema: schemas.get(channel.id) ?? {},
    config: stored ? maskSecrets(withoutEnabled(stored.config), channel.secrets) : null,
    unreadable: stored?.unreadable ?? [],
    updatedAt: stored?.updatedAt ?? null,
  });
  const unknownChannel = (id: string): AppError => ({
    ...notFound('Channel', id),
    message: `Channel "${id}" does not exist; channels are ${channels.all().map((ch) => ch.id).join(', ')}.`,
  });

  return new Hono()
    .get('/:id/channels', (c) => {
      const bot = findBot(deps, c.req.param('id'));
      if (!bot.ok) return errorResponse(c, bot.error);
      const stored = new Map(connections.list(bot.value.id).map((s) => [s.channel, s]));
      return c.json({ channels: channels.all().map((channel) => view(bot.value.id, channel, stored.get(channel.id))) });
    })
    .get('/:id/channels/:channel', (c) => {
      const bot = findBot(deps, c.req.param('id'));
      if (!bot.ok) return errorResponse(c, bot.error);
      const channel = channels.get(c.req.param('channel'));
      if (!channel) return errorResponse(c, unknownChannel(c.req.param('channel')));
      const stored = connections.get(bot.value.id, channel.id);
      if (!stored) return errorResponse(c, { status: 404, code: 'not_found', message: `Bot "${bot.value.id}" is not connected to ${channel.title}.` });
      return c.json(view(bot.value.id, channel, stored));
    })
    .put('/:id/channels/:channel', jsonBody(connectionInput), (c) => {
      const bot = findBot(deps, c.req.param('id'));
      if (!bot.ok) return errorResponse(c, bot.error);
      const channel = channels.get(c.req.param('channel'));
      if (!channel) return errorResponse(c, unknownChannel(c.req.param('channel')));
      const previous = connections.get(bot.value.id, channel.id);
      const input = { ...c.req.valid('json') };
      // Secrets are never read back in full, so an edit that leaves one out keeps it.
      for (const key of channel.secrets) if (input[key] === undefined && previous?.config[key] !== undefined) input[key] = previous.config[key];
      // Editing a switched-off connection leaves it off.
      if (input.enabled === undefined && previous?.config.enabled !== undefined) input.enabled = previous.config.enabled;
      const parsed = channel.config.safeParse(input);
      if (!parsed.success) return errorResponse(c, invalidInput(parsed.error.issues, 'Body'));
      const stored = connections.set(bot.value.id, channel.id, parsed.data, channel.secrets, new Date());
      return c.json(view(bot.value.id, channel, stored));
    })
    .post('/:id/channels/:channel/check', (c) => {
      const bot = findBot(deps, c.req.param('id'));
      if (!bot.ok) return errorResponse(c, bot.error);
      const channel = channels.get(c.req.param('channel'));
      if (!channel) return errorResponse(c, unknownChannel(c.req.param('channel')));
      const stored = connections.get(bot.value.id, channel.id);
      if (!stored) return errorResponse(c, { status: 404, code: 'not_found', message: `Bot "${bot.value.id}" is not connected to ${channel.title}.` });
      return c.json({ checks: checkConnection(channel, stored, webhookUrlOf(bot.value.id, channel), bot.value.id) });
    })
    .delete('/:id/channels/:channel', (c) => {
      const bot = findBot(deps, c.req.param('id'));
      if (!bot.ok) return errorResponse(c, bot.error);
      const channel = channels.get(c.req.param('channel'));
      if (!channel) return errorResponse(c, unknownChannel(c.req.param('channel')));
      if (!connections.remove(bot.value.id, channel.id)) return errorResponse(c, { status: 404, code: 'not_found', message: `Bot "${bot.value.id}" is not connected to ${channel.title}.` });
      return c.json({ deleted: channel.id });
    });
}
