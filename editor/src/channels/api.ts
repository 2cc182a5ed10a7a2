import { z } from 'zod';
import { request } from '../api/http';
import { jsonSchemaSchema } from '../flow/schema';

/** A bot's connection to one messaging app, as GET /api/bots/:id/channels answers it (secrets masked). */
const connectionSchema = z.object({
  channel: z.string(),
  title: z.string(),
  webhookUrl: z.string(),
  connected: z.boolean(),
  enabled: z.boolean(),
  secrets: z.array(z.string()),
  schema: jsonSchemaSchema,
  config: z.record(z.string(), z.unknown()).nullable(),
  unreadable: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type ChannelConnection = z.infer<typeof connectionSchema>;

const checkSchema = z.object({ check: z.string(), ok: z.boolean(), message: z.string() });
export type ConnectionCheck = z.infer<typeof checkSchema>;

const enc = encodeURIComponent;
const channelPath = (botId: string, channel: string) => `/api/bots/${enc(botId)}/channels/${enc(channel)}`;

export const listChannels = (botId: string) => request('GET', `/api/bots/${enc(botId)}/channels`, z.object({ channels: z.array(connectionSchema) }));
/** Secrets left out keep their stored values. */
export const saveConnection = (botId: string, channel: string, body: Record<string, unknown>) => request('PUT', channelPath(botId, channel), connectionSchema, { body });
export const deleteConnection = (botId: string, channel: string) => request('DELETE', channelPath(botId, channel), z.object({ deleted: z.string() }));
export const checkConnection = (botId: string, channel: string) => request('POST', `${channelPath(botId, channel)}/check`, z.object({ checks: z.array(checkSchema) }));
