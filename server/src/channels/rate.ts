import { z } from 'zod';

/** A platform's send-rate limits for one connection (a Page, a bot, a phone number). */
export interface RateLimit {
  /** Messages a second across all of the connection's chats: the default cap. */
  perSecond: number;
  /** The highest cap a connection may set (`sendRate`), e.g. after the platform raised its tier. */
  maxPerSecond: number;
  /** Messages a second to one chat, where the platform limits that too (Telegram: 1). */
  perChatPerSecond?: number;
  /** How many a chat may get at once before its own rate applies. */
  chatBurst?: number;
}

/** The connection field that overrides the default cap. */
export const sendRateField = (limit: RateLimit) =>
  z
    .number()
    .positive('sendRate is a number of messages a second')
    .max(limit.maxPerSecond, `sendRate is at most ${limit.maxPerSecond} messages a second on this app`)
    .optional()
    .meta({ description: `Messages a second this connection may send (default ${limit.perSecond}); raise it only if the platform raised your limit.` });

/**
 * A token bucket per key, in its GCRA form: each taker reserves the next free slot at once (so
 * concurrent takers queue in call order) and waits until it comes. `burst` slots may be taken at once.
 */
export interface Bucket {
  take(key: string, perSecond: number, burst: number): Promise<void>;
  /** The platform said to slow down: nothing more for `key` until `untilMs`. */
  pause(key: string, untilMs: number): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createBucket(now: () => number = Date.now): Bucket {
  /** When the bucket is next empty of reservations ("theoretical arrival time"). */
  const arrival = new Map<string, number>();
  const pausedUntil = new Map<string, number>();
  // Idle keys are forgotten, so one key per chat does not grow for ever.
  const sweep = (at: number) => {
    if (arrival.size < 10_000) return;
    for (const [key, time] of arrival) if (time < at) arrival.delete(key);
    for (const [key, time] of pausedUntil) if (time < at) pausedUntil.delete(key);
  };
  return {
    async take(key, perSecond, burst) {
      const interval = 1000 / perSecond;
      for (;;) {
        const at = now();
        sweep(at);
        const paused = pausedUntil.get(key) ?? 0;
        if (paused > at) {
          await sleep(paused - at);
          continue;
        }
        const next = Math.max(arrival.get(key) ?? at, at) + interval;
        arrival.set(key, next);
        const wait = next - interval * burst - at;
        if (wait > 0) await sleep(wait);
        // A pause that came while waiting holds this taker too.
        if ((pausedUntil.get(key) ?? 0) <= now()) return;
      }
    },
    pause(key, untilMs) {
      if (untilMs > (pausedUntil.get(key) ?? 0)) pausedUntil.set(key, untilMs);
    },
  };
}

/**
 * How long a platform asked to wait: `Retry-After` in seconds or as an HTTP date (RFC 9110), in ms
 * from `now`; undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Where a delivery goes: the connection (bot and channel) and the chat. */
export interface Destination {
  botId: string;
  channel: string;
  externalKey: string;
}

/**
 * Calls in flight per connection, at most: a storm must not open hundreds of sockets to a platform at
 * once (connections queue and time out, and a call that timed out after it was sent goes out twice).
 * Enough to keep to the cap over a 100 ms round trip.
 */
export const inFlightLimit = (limit: RateLimit | undefined) => Math.max(64, Math.ceil((limit?.perSecond ?? 0) / 10));

/** A counting semaphore per key, handing freed slots to waiters in arrival order. */
function createSlots() {
  const slots = new Map<string, { used: number; waiting: (() => void)[] }>();
  return {
    async take(key: string, max: number): Promise<() => void> {
      const entry = slots.get(key) ?? { used: 0, waiting: [] };
      slots.set(key, entry);
      if (entry.used < max) entry.used++;
      else await new Promise<void>((resolve) => entry.waiting.push(resolve));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const next = entry.waiting.shift();
        if (next) return next();
        entry.used--;
        if (entry.used === 0) slots.delete(key);
      };
    },
  };
}

/** The buckets of every connection and chat: each platform call takes its slots; a throttling answer holds them. */
export function createPacer(now: () => number) {
  const bucket = createBucket(now);
  const inFlight = createSlots();
  const connectionKey = (to: Destination) => `${to.botId}\u0000${to.channel}`;
  const chatKey = (to: Destination) => `${connectionKey(to)}\u0000${to.externalKey}`;
  return {
    /** Resolves when the call may start, with the function that ends it. */
    async pace(to: Destination, limit: RateLimit | undefined): Promise<() => void> {
      if (limit?.perChatPerSecond !== undefined) await bucket.take(chatKey(to), limit.perChatPerSecond, limit.chatBurst ?? 1);
      // Without a limit, only a pause the platform asked for holds the call.
      await bucket.take(connectionKey(to), limit?.perSecond ?? Number.POSITIVE_INFINITY, Math.max(1, limit?.perSecond ?? 1));
      return inFlight.take(connectionKey(to), inFlightLimit(limit));
    },
    /** Nothing more to this chat (`chatOnly`) or this connection until `untilMs`. */
    hold(to: Destination, chatOnly: boolean, untilMs: number) {
      bucket.pause(chatOnly ? chatKey(to) : connectionKey(to), untilMs);
    },
  };
}
