import { and, asc, eq, sql } from 'drizzle-orm';
import type { Store } from '../db/open';
import { channelConnections } from '../db/schema';

export interface StoredConnection {
  channel: string;
  /** As stored: each read parses it with the channel's schema. */
  config: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** Bots' connections to messaging apps, one per bot and channel. */
export interface ConnectionStore {
  get(botId: string, channel: string): StoredConnection | undefined;
  list(botId: string): StoredConnection[];
  set(botId: string, channel: string, config: Record<string, unknown>, now: Date): StoredConnection;
  remove(botId: string, channel: string): boolean;
}

function toStored(row: { channel: string; config: string; createdAt: string; updatedAt: string }): StoredConnection {
  const value: unknown = JSON.parse(row.config);
  const config = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  return { channel: row.channel, config, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export function createConnectionStore({ db }: Store): ConnectionStore {
  const columns = { channel: channelConnections.channel, config: channelConnections.config, createdAt: channelConnections.createdAt, updatedAt: channelConnections.updatedAt };
  // Read on every webhook: one indexed row, so there is no cache to fall out of date.
  const one = db
    .select(columns)
    .from(channelConnections)
    .where(and(eq(channelConnections.botId, sql.placeholder('botId')), eq(channelConnections.channel, sql.placeholder('channel'))))
    .prepare();
  return {
    get(botId, channel) {
      const row = one.get({ botId, channel });
      return row ? toStored(row) : undefined;
    },
    list: (botId) => db.select(columns).from(channelConnections).where(eq(channelConnections.botId, botId)).orderBy(asc(channelConnections.channel)).all().map(toStored),
    set(botId, channel, config, now) {
      const at = now.toISOString();
      const json = JSON.stringify(config);
      db.insert(channelConnections)
        .values({ botId, channel, config: json, createdAt: at, updatedAt: at })
        .onConflictDoUpdate({ target: [channelConnections.botId, channelConnections.channel], set: { config: json, updatedAt: at } })
        .run();
      const row = one.get({ botId, channel });
      if (!row) throw new Error(`connection ${botId}/${channel} vanished after its write`);
      return toStored(row);
    },
    remove: (botId, channel) => db.delete(channelConnections).where(and(eq(channelConnections.botId, botId), eq(channelConnections.channel, channel))).run().changes > 0,
  };
}

/** A secret as it is shown back: enough to recognise it, never enough to use it. */
export function maskSecret(value: string): string {
  return value.length >= 16 ? `••••${value.slice(-4)}` : '••••';
}

export function maskSecrets(config: Record<string, unknown>, secrets: readonly string[]): Record<string, unknown> {
  const masked = { ...config };
  for (const key of secrets) {
    const value = masked[key];
    if (typeof value === 'string') masked[key] = maskSecret(value);
  }
  return masked;
}
