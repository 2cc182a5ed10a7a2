import type { Store } from '../db/open';
import { perStore } from '../db/per-store';
import { conversationKey } from '../turns/conversation-cache';
import type { ConversationAddress } from '../turns/load';
import type { Customer } from './types';

export interface ContactProfile {
  name?: string;
  language?: string;
}

interface ContactStatements {
  upsert(row: { botId: string; channel: string; platformId: string; name: string | null; language: string | null; now: string }): void;
  update(row: { botId: string; channel: string; platformId: string; name: string | null; language: string | null }): void;
  /** `key` is the address's `conversationKey`. */
  profile(address: ConversationAddress, key: string): ContactProfile | undefined;
}

// Prepared once per store: both run on every message.
const PROFILES_KEPT = 100_000;
const statements = perStore((store: Store): ContactStatements => {
  const upsert = store.sqlite.prepare(
    `insert into contacts (bot_id, channel, platform_id, name, language, first_seen_at, last_seen_at) values (@botId, @channel, @platformId, @name, @language, @now, @now)
     on conflict (bot_id, channel, platform_id) do update set
       name = coalesce(excluded.name, contacts.name), language = coalesce(excluded.language, contacts.language), last_seen_at = max(contacts.last_seen_at, excluded.last_seen_at)`,
  );
  const update = store.sqlite.prepare(
    'update contacts set name = coalesce(@name, name), language = coalesce(@language, language) where bot_id = @botId and channel = @channel and platform_id = @platformId',
  );
  const select = store.sqlite.prepare<[string, string, string], { name: string | null; language: string | null }>('select name, language from contacts where bot_id = ? and channel = ? and platform_id = ?');
  const anyOnChannel = store.sqlite.prepare<[string, string], number>('select 1 from contacts where bot_id = ? and channel = ? limit 1').pluck();
  // A bot's channels whose platform never names its customers (the web widget) have no contacts at all:
  // known once, their customers' lookups read nothing. Written contacts make the channel looked up again.
  const withoutContacts = new Map<string, Set<string>>();
  const hasNone = (botId: string, channel: string) => withoutContacts.get(botId)?.has(channel) === true;
  // Every turn reads its customer's profile; profiles change only through `upsert` and `update`, so what was
  // read (or found missing) is kept until then. Bounded: the least recently written are dropped first.
  const profiles = new Map<string, ContactProfile | null>();
  const keyOf = (botId: string, channel: string, platformId: string) => conversationKey({ botId, channel, externalKey: platformId });
  const made: ContactStatements = {
    upsert(row) {
      upsert.run(row);
      profiles.delete(keyOf(row.botId, row.channel, row.platformId));
      withoutContacts.get(row.botId)?.delete(row.channel);
    },
    update(row) {
      update.run(row);
      profiles.delete(keyOf(row.botId, row.channel, row.platformId));
    },
    profile(address, key) {
      const { botId, channel } = address;
      if (hasNone(botId, channel)) return undefined;
      // One lookup: a contact found missing is kept as null.
      const known = profiles.get(key);
      if (known !== undefined) return known ?? undefined;
      if (anyOnChannel.get(botId, channel) === undefined) {
        const channels = withoutContacts.get(botId) ?? new Set<string>();
        withoutContacts.set(botId, channels.add(channel));
        return undefined;
      }
      const row = select.get(botId, channel, address.externalKey);
      const profile = row ? { ...(row.name === null ? {} : { name: row.name }), ...(row.language === null ? {} : { language: row.language }) } : null;
      if (profiles.size >= PROFILES_KEPT) {
        const oldest = profiles.keys().next();
        if (!oldest.done) profiles.delete(oldest.value);
      }
      profiles.set(key, profile);
      return profile ?? undefined;
    },
  };
  return made;
});

/**
 * A customer's message came in: they become (or stay) a contact of the bot on that channel. What the
 * platform said of them this time (name, language) replaces what it said before; what it left out is kept.
 */
export function upsertContact(store: Store, contact: { botId: string; channel: string; customer: Customer; now: Date }): boolean {
  const { customer } = contact;
  try {
    statements(store).upsert({
      botId: contact.botId,
      channel: contact.channel,
      platformId: customer.id,
      name: customer.name?.trim() || null,
      language: customer.language?.trim() || null,
      now: contact.now.toISOString(),
    });
    return true;
  } catch (error) {
    // The message itself still runs: its turn's commit answers for the store.
    console.error('Contact not saved:', error);
    return false;
  }
}

/**
 * The platform's profile API named a customer whose webhooks do not: what it gave fills in the contact,
 * what it left out (WeChat's empty nickname) keeps what was known.
 */
export function updateContactProfile(store: Store, contact: { botId: string; channel: string; platformId: string; name?: string; language?: string }): void {
  statements(store).update({ botId: contact.botId, channel: contact.channel, platformId: contact.platformId, name: contact.name?.trim() || null, language: contact.language?.trim() || null });
}

/**
 * What is known of a conversation's customer, for the flow's `contact` variable. A caller that has the
 * address's `conversationKey` passes it: the pipeline makes it once per message for its caches too.
 */
export function contactProfile(store: Store, address: ConversationAddress, key = conversationKey(address)): ContactProfile {
  return statements(store).profile(address, key) ?? {};
}
