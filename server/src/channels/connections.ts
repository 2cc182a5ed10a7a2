import { and, asc, eq, sql } from 'drizzle-orm';
import type { Store } from '../db/open';
import { channelConnections } from '../db/schema';
import { type SecretBox, isSealed } from '../secrets';

export interface StoredConnection {
  channel: string;
  /** Secrets opened; each read parses it with the channel's schema. */
  config: Record<string, unknown>;
  /** Secrets that do not open with this server's key (it changed): left out of `config`. */
  unreadable: string[];
  createdAt: string;
  updatedAt: string;
}

/** Bots' connections to messaging apps, one per bot and channel. */
export interface ConnectionStore {
  get(botId: string, channel: string): StoredConnection | undefined;
  list(botId: string): StoredConnection[];
  /** Stores the config with its `secrets` fields sealed. */
  set(botId: string, channel: string, config: Record<string, unknown>, secrets: readonly string[], now: Date): StoredConnection;
  remove(botId: string, channel: string): boolean;
}

/** Where a secret belongs: it opens only there. */
const placeOf = (botId: string, channel: string, field: string) => `${botId}/${channel}/${field}`;

/**
 * Every webhook and every send reads its connection: secrets opened once are remembered by their
 * sealed text (which fixes the plain text), so a storm does not decrypt the same token thousands of times.
 */
function openingMemo(box: SecretBox, size = 1_000) {
  const opened = new Map<string, string>();
  return (sealed: string, place: string): string | undefined => {
    const key = `${place}\u0000${sealed}`;
    const known = opened.get(key);
    if (known !== undefined) return known;
    const value = box.open(sealed, place);
    if (value === undefined) return undefined;
    if (opened.size >= size) opened.clear();
    opened.set(key, value);
    return value;
  };
}

type Opener = ReturnType<typeof openingMemo>;

function toStored(open: Opener, botId: string, row: { channel: string; config: string; createdAt: string; updatedAt: string }): StoredConnection {
  const value: unknown = JSON.parse(row.config);
  const config: Record<string, unknown> = {};
  const unreadable: string[] = [];
  for (const [field, stored] of Object.entries(typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {})) {
    if (typeof stored !== 'string' || !isSealed(stored)) {
      config[field] = stored;
      continue;
    }
    const opened = open(stored, placeOf(botId, row.channel, field));
    if (opened === undefined) unreadable.push(field);
    else config[field] = opened;
  }
  return { channel: row.channel, config, unreadable, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export function createConnectionStore({ db }: Store, box: SecretBox): ConnectionStore {
  const open = openingMemo(box);
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
      return row ? toStored(open, botId, row) : undefined;
    },
    list: (botId) =>
      db
        .select(columns)
        .from(channelConnections)
        .where(eq(channelConnections.botId, botId))
        .orderBy(asc(channelConnections.channel))
        .all()
        .map((row) => toStored(open, botId, row)),
    set(botId, channel, config, secrets, now) {
      const at = now.toISOString();
      const sealed = Object.fromEntries(
        Object.entries(config).map(([field, value]) => [field, secrets.includes(field) && typeof value === 'string' ? box.seal(value, placeOf(botId, channel, field)) : value]),
      );
      const json = JSON.stringify(sealed);
      db.insert(channelConnections)
        .values({ botId, channel, config: json, createdAt: at, updatedAt: at })
        .onConflictDoUpdate({ target: [channelConnections.botId, channelConnections.channel], set: { config: json, updatedAt: at } })
        .run();
      const row = one.get({ botId, channel });
      if (!row) throw new Error(`connection ${botId}/${channel} vanished after its write`);
      return toStored(open, botId, row);
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
