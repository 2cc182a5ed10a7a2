import type { ConversationAddress, ConversationState } from './load';

/**
 * Committed conversation states, kept after each turn so the next one reads no row. The pipeline is
 * the only writer of conversations in this process, so the cache cannot go stale; it is bounded,
 * dropping the conversations written least recently first.
 */
export interface ConversationCache {
  get(key: string): ConversationState | undefined;
  set(key: string, state: ConversationState): void;
  delete(key: string): void;
  forgetBot(botId: string): void;
}

export const conversationKey = (a: ConversationAddress) => `${a.botId}\u0000${a.channel}\u0000${a.externalKey}`;

/**
 * Two generations of at most `limit / 2` conversations each: a turn's write replaces its entry where it
 * stands (one lookup), and when the newer generation is full the older one is dropped whole. An exact
 * order of recency would move the entry on every turn (a delete, then a set), and a map that deletes
 * on every write keeps copying itself to clear the holes.
 */
export function createConversationCache(limit = 100_000): ConversationCache {
  const generation = Math.max(1, Math.floor(limit / 2));
  let recent = new Map<string, ConversationState>();
  let older = new Map<string, ConversationState>();
  return {
    get: (key) => recent.get(key) ?? older.get(key),
    set(key, state) {
      const size = recent.size;
      recent.set(key, state);
      // Unchanged size: the entry was replaced where it stood. Else it is new to this generation.
      if (recent.size === size) return;
      older.delete(key);
      if (recent.size >= generation) {
        older = recent;
        recent = new Map();
      }
    },
    delete(key) {
      recent.delete(key);
      older.delete(key);
    },
    forgetBot(botId) {
      for (const states of [recent, older]) for (const [key, state] of states) if (state.botId === botId) states.delete(key);
    },
  };
}
