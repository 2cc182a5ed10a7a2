import type { ConversationAddress, ConversationState } from './load';

/**
 * Committed conversation states, kept after each turn so the next one reads no row. The pipeline is
 * the only writer of conversations in this process, so the cache cannot go stale; it is bounded,
 * dropping the conversations least recently written first.
 */
export interface ConversationCache {
  get(key: string): ConversationState | undefined;
  set(key: string, state: ConversationState): void;
  delete(key: string): void;
  forgetBot(botId: string): void;
}

export const conversationKey = (a: ConversationAddress) => `${a.botId}\u0000${a.channel}\u0000${a.externalKey}`;

export function createConversationCache(limit = 100_000): ConversationCache {
  const states = new Map<string, ConversationState>();
  return {
    // Recency is refreshed on every turn by `set`, so reads need not reorder.
    get: (key) => states.get(key),
    set(key, state) {
      states.delete(key);
      states.set(key, state);
      if (states.size > limit) {
        const oldest = states.keys().next();
        if (!oldest.done) states.delete(oldest.value);
      }
    },
    delete: (key) => void states.delete(key),
    forgetBot(botId) {
      for (const [key, state] of states) if (state.botId === botId) states.delete(key);
    },
  };
}
