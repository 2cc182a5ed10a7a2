import type { JsonValue, Session } from '@parley/shared';

/** Something the test chat waits on that a real channel would bring later; the editor lets you make it happen. */
export type PendingItem =
  | { kind: 'payment'; paymentId: string; amount: number; currency: string; description: string }
  | { kind: 'handoff'; queue: string }
  | { kind: 'timer'; timerId: string; at: string; data: JsonValue };

export interface TestChatState {
  session: Session | null;
  /** Set after a Go to another bot: the chat runs that bot's published version until its session ends. */
  elsewhere: { botId: string; versionId: number } | null;
  pending: PendingItem[];
}

export interface TestChats {
  get(key: string): TestChatState | undefined;
  put(key: string, state: TestChatState): void;
  delete(key: string): boolean;
  readonly size: number;
}

/**
 * Test conversations, in memory: they are the editor's scratch space, not customers' conversations,
 * so they are never stored. The least recently used go first past `limit`, and any left idle for
 * `idleMs`.
 */
export function createTestChats({ limit = 1_000, idleMs = 2 * 3_600_000, now = () => Date.now() } = {}): TestChats {
  const chats = new Map<string, { state: TestChatState; at: number }>();
  const sweep = () => {
    const cutoff = now() - idleMs;
    for (const [key, entry] of chats) if (entry.at < cutoff) chats.delete(key);
    while (chats.size > limit) {
      const oldest = chats.keys().next();
      if (oldest.done) break;
      chats.delete(oldest.value);
    }
  };
  return {
    get(key) {
      const entry = chats.get(key);
      if (!entry || entry.at < now() - idleMs) return undefined;
      return entry.state;
    },
    put(key, state) {
      chats.delete(key);
      chats.set(key, { state, at: now() });
      sweep();
    },
    delete: (key) => chats.delete(key),
    get size() {
      return chats.size;
    },
  };
}
