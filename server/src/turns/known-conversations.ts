import type { Store } from '../db/open';
import { perStore } from '../db/per-store';
import { conversationKey } from './conversation-cache';

/**
 * Which conversations the store may hold, as a Bloom filter over their `conversationKey`s: a
 * customer's first message then skips the lookup that would find nothing. That lookup was the
 * largest part of what a new conversation costs more than a returning one (measured over HTTP: ~16 µs
 * of ~50), and new conversations are many: every customer's first message.
 *
 * The turn writer is the only writer of conversations (one server process per store), and it adds each
 * one it inserts. The filter is filled from the store in chunks after it opens; until then it answers
 * "may exist" for every key, which only costs the lookup. A key it answers "may exist" for wrongly
 * (about 1 in 100 when full) also only costs the lookup.
 */
export interface KnownConversations {
  /** False only when the store surely has no conversation at this key. */
  mayExist(key: string): boolean;
  add(key: string): void;
}

/** Bits per expected key and probes per key: about 1% false "may exist" at full load. */
const BITS_PER_KEY = 10;
const PROBES = 7;
const MIN_KEYS = 1 << 16;
/** Rows read from the store per event-loop turn while filling: a few milliseconds each. */
const CHUNK = 2_000;

interface Filter {
  bits: Int32Array;
  mask: number;
  /** Keys it was sized for; past that the false answers grow, so it is rebuilt twice as large. */
  capacity: number;
  added: number;
  filled: boolean;
}

function newFilter(capacity: number): Filter {
  // A power of two of bits, so that a probe's position is a mask, not a division.
  let bitCount = 1 << 20;
  while (bitCount < capacity * BITS_PER_KEY) bitCount *= 2;
  return { bits: new Int32Array(bitCount >>> 5), mask: bitCount - 1, capacity, added: 0, filled: false };
}

/** murmur3's finalizer: spreads the last characters' bits (keys differ mostly at their end) over the word. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Two independent 32-bit hashes of the key (FNV-1a, and the same walk with murmur's multiplier); probe
 * i is at h1 + i·h2. Left in two variables rather than returned: no pair allocated per message.
 */
let h1 = 0;
let h2 = 0;
function hashKey(key: string): void {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  h1 = mix(a);
  // Odd, so that the probes of one key never collapse onto one bit.
  h2 = mix(b) | 1;
}

function has(filter: Filter, key: string): boolean {
  hashKey(key);
  for (let i = 0; i < PROBES; i++) {
    const bit = (h1 + Math.imul(i, h2)) & filter.mask;
    if (((filter.bits[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

function put(filter: Filter, key: string): void {
  hashKey(key);
  for (let i = 0; i < PROBES; i++) {
    const bit = (h1 + Math.imul(i, h2)) & filter.mask;
    const word = bit >>> 5;
    filter.bits[word] = (filter.bits[word] ?? 0) | (1 << (bit & 31));
  }
  filter.added++;
}

export function createKnownConversations(store: Store): KnownConversations {
  // Keys only grow: the largest is at least the number of rows, and found without counting them.
  const largestKey = store.sqlite.prepare<[], number>('select coalesce(max(key), 0) from conversations').pluck();
  const page = store.sqlite
    .prepare<[number], [number, string, string, string]>('select key, bot_id, channel, external_key from conversations where key > ? order by key limit ' + CHUNK)
    .raw();
  let filter = newFilter(0);
  let rebuildAsked = false;

  /** A new filter, twice as large as the store needs now, filled from the store a chunk at a time. */
  const rebuild = () => {
    rebuildAsked = false;
    if (!store.sqlite.open) return;
    const building = newFilter(Math.max(MIN_KEYS, 2 * (largestKey.get() ?? 0)));
    filter = building;
    let after = 0;
    const next = () => {
      // Replaced by a later rebuild, or the store closed: stop.
      if (filter !== building || !store.sqlite.open) return;
      const rows = page.all(after);
      for (const [key, botId, channel, externalKey] of rows) {
        put(building, conversationKey({ botId, channel, externalKey }));
        after = key;
      }
      if (rows.length === CHUNK) setImmediate(next);
      else building.filled = true;
    };
    next();
  };
  rebuild();

  return {
    mayExist: (key) => !filter.filled || has(filter, key),
    add(key) {
      // While filling, the scan may already be past this row: added here either way.
      put(filter, key);
      // Outside the writer's transaction, which is where keys are added.
      if (filter.filled && filter.added > filter.capacity && !rebuildAsked) {
        rebuildAsked = true;
        setImmediate(rebuild);
      }
    },
  };
}

/** The store's filter, made (and filled) when first asked for. */
export const knownConversations = perStore(createKnownConversations);
