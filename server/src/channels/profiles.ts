import type { Store } from '../db/open';
import { contactProfile, updateContactProfile } from './contacts';
import type { ChannelConnection, SendIo } from './types';

/**
 * Profile lookups for apps whose webhooks carry no name (Messenger, Instagram, LINE, WeChat): once a
 * customer's turn is stored, their profile is asked for once, off the webhook's path, and kept in
 * their contact, so later turns read `{{contact.name}}`. A contact with a name is never looked up; a
 * failed lookup is tried again with a later message only when the platform might answer then (5xx, 429).
 */
export interface ProfileLookups {
  after(lookup: { botId: string; channel: string; customerId: string; connection: ChannelConnection }): void;
  /** Settles once no lookup is running (tests, shutdown). */
  idle(): Promise<void>;
}

const MAX_REMEMBERED = 100_000;
/** One per store, shared by every channel's webhook, so that tests and shutdown can wait for it. */
const byStore = new WeakMap<Store, ProfileLookups>();

/** The store's profile lookups, made on first use. */
export function profileLookups(store: Store, io: SendIo, log?: (message: string) => void): ProfileLookups {
  const known = byStore.get(store);
  if (known) return known;
  const made = createProfileLookups(store, io, log);
  byStore.set(store, made);
  return made;
}

/** Settles once the store's profile lookups are done (nothing to wait for when none ran). */
export const profileLookupsIdle = (store: Store): Promise<void> => byStore.get(store)?.idle() ?? Promise.resolve();

export function createProfileLookups(store: Store, io: SendIo, log?: (message: string) => void): ProfileLookups {
  /** Contacts looked up (or being looked up) since the start. */
  const asked = new Set<string>();
  const running = new Set<Promise<void>>();
  return {
    after({ botId, channel, customerId, connection }) {
      const { profile } = connection;
      const key = `${botId}\u0000${channel}\u0000${customerId}`;
      if (!profile || asked.has(key)) return;
      if (asked.size >= MAX_REMEMBERED) asked.clear();
      asked.add(key);
      if (contactProfile(store, { botId, channel, externalKey: customerId }).name !== undefined) return;
      const task = profile(customerId, io)
        .then((result) => {
          if (result.ok) return updateContactProfile(store, { botId, channel, platformId: customerId, ...result.profile });
          if (result.error.retryable) asked.delete(key);
          log?.(`${channel} profile of ${customerId} (bot ${botId}) not read: ${result.error.message}`);
        })
        .catch((error: unknown) => log?.(`${channel} profile of ${customerId} (bot ${botId}) failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => running.delete(task));
      running.add(task);
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
