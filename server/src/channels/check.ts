import { z } from 'zod';
import type { StoredConnection } from './connections';
import type { Channel } from './types';

/** One thing the Check button verified, in words an admin can act on. */
export const connectionCheckSchema = z.object({ check: z.string(), ok: z.boolean(), message: z.string() });
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;

const PRIVATE_HOST = /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|0\.0\.0\.0|\[?::1\]?$|.*\.local$|.*\.internal$)/;

/** Whether the platform can call the webhook URL: HTTPS (where it insists), a public host, the bot's path. */
function webhookChecks(channel: Channel, webhookUrl: string, botId: string): ConnectionCheck[] {
  const url = new URL(webhookUrl);
  const secure = url.protocol === 'https:';
  const publicHost = !PRIVATE_HOST.test(url.hostname);
  const path = `/webhooks/${channel.id}/${encodeURIComponent(botId)}`;
  return [
    {
      check: 'webhook https',
      ok: secure || channel.acceptsHttp === true,
      message: secure ? 'The webhook URL uses HTTPS.' : channel.acceptsHttp ? `${channel.title} accepts plain HTTP, though HTTPS is better.` : `${channel.title} calls only HTTPS URLs: set PARLEY_PUBLIC_URL to an https:// address.`,
    },
    {
      check: 'webhook host',
      ok: publicHost,
      message: publicHost ? `${url.hostname} is a public name: make sure it reaches this server.` : `${url.hostname} is not reachable from ${channel.title}'s servers: set PARLEY_PUBLIC_URL to this server's public address (or a tunnel to it).`,
    },
    {
      check: 'webhook path',
      ok: url.pathname === path,
      message: url.pathname === path ? `${channel.title} must call ${url.pathname}.` : `The webhook path ${url.pathname} does not lead to this bot's ${channel.title} webhook (${path}).`,
    },
  ];
}

/** Each secret: present, readable with this server's key, and in the platform's format. */
function secretChecks(channel: Channel, stored: StoredConnection): ConnectionCheck[] {
  return channel.secrets.map((field) => {
    if (stored.unreadable.includes(field)) return { check: field, ok: false, message: `${field} was sealed with another secret key than this server's (PARLEY_SECRET_KEY): enter it again.` };
    const value = stored.config[field];
    const schema = channel.config.shape[field];
    if (value === undefined) return { check: field, ok: schema?.safeParse(undefined).success === true, message: schema?.safeParse(undefined).success ? `${field} is not set (optional).` : `${field} is missing.` };
    const parsed = schema?.safeParse(value);
    if (parsed && !parsed.success) return { check: field, ok: false, message: parsed.error.issues[0]?.message ?? `${field} is not in the expected format.` };
    return { check: field, ok: true, message: `${field} is set and well-formed.` };
  });
}

/**
 * What can be checked without calling the platform: the connection parses, its secrets are there and
 * well-formed (and the channel's own checks, such as WeChat's AES key), and its webhook URL can work.
 */
export function checkConnection(channel: Channel, stored: StoredConnection, webhookUrl: string, botId: string): ConnectionCheck[] {
  const bound = channel.bind(stored.config);
  const config: ConnectionCheck = bound.ok
    ? { check: 'config', ok: true, message: `The ${channel.title} connection is complete.` }
    : { check: 'config', ok: false, message: bound.error.message };
  const own = bound.ok ? (channel.check?.(stored.config) ?? []) : [];
  const enabled: ConnectionCheck = stored.config.enabled === false ? { check: 'enabled', ok: false, message: 'The connection is switched off: webhooks are ignored and nothing is sent.' } : { check: 'enabled', ok: true, message: 'The connection is on.' };
  return [config, ...secretChecks(channel, stored), ...own, enabled, ...webhookChecks(channel, webhookUrl, botId)];
}
