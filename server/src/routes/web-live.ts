import type { Store } from '../db/open';
import type { TurnListener } from '../turns/listeners';

/**
 * Wakes the web channel's live streams when a turn commits. It is a doorbell, not a queue: a woken
 * stream reads what is new from the turn log, so a missed ring loses nothing. Rings come from the
 * pipeline the routes use; commits made elsewhere (the scheduler's timers, expiries, back-in-stock
 * notices) are noticed by a cheap poll of the log's newest id while anyone listens.
 */
export interface WebLive {
  ring(conversationId: string): void;
  /** The newest turn's id in the log: take it before reading, pass it to `wait`. */
  newest(): number;
  /**
   * Resolves on a ring for this conversation, on any turn newer than `mark` (at once when one already
   * committed since the reader took its mark), or after `ms`.
   */
  wait(conversationId: string, ms: number, signal: AbortSignal, mark: number): Promise<void>;
  close(): void;
}

export function createWebLive(store: Store, pollMs = 1_000): WebLive {
  const waiting = new Map<string, Set<() => void>>();
  const newestTurn = store.sqlite.prepare('select coalesce(max(id), 0) from turns').pluck();
  let seen = 0;
  let poll: ReturnType<typeof setInterval> | undefined;

  const wakeAll = () => {
    for (const set of waiting.values()) for (const wake of [...set]) wake();
  };
  const startPolling = () => {
    if (poll) return;
    seen = Number(newestTurn.get());
    poll = setInterval(() => {
      const newest = Number(newestTurn.get());
      // Any change, not only growth: deleting a bot with the newest turns lowers the newest id for a while.
      if (newest !== seen) {
        seen = newest;
        wakeAll();
      }
    }, pollMs);
    poll.unref?.();
  };
  const stopPollingIfIdle = () => {
    if (waiting.size === 0 && poll) {
      clearInterval(poll);
      poll = undefined;
    }
  };

  return {
    ring(conversationId) {
      for (const wake of [...(waiting.get(conversationId) ?? [])]) wake();
    },
    newest: () => Number(newestTurn.get()),
    wait(conversationId, ms, signal, mark) {
      return new Promise((resolve) => {
        let set = waiting.get(conversationId);
        if (!set) waiting.set(conversationId, (set = new Set()));
        const listeners = set;
        const wake = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', wake);
          listeners.delete(wake);
          if (listeners.size === 0) waiting.delete(conversationId);
          stopPollingIfIdle();
          resolve();
        };
        const timer = setTimeout(wake, ms);
        listeners.add(wake);
        signal.addEventListener('abort', wake);
        startPolling();
        // Any change since the mark, not only growth: the poll's reason above holds here too.
        if (signal.aborted || Number(newestTurn.get()) !== mark) wake();
      });
    },
    close() {
      wakeAll();
      if (poll) clearInterval(poll);
      poll = undefined;
    },
  };
}

/** Rings the doorbell after each committed turn: a web customer's message, and any system event or notice (streams are only opened for web conversations). */
export function webLiveTurnListener(live: WebLive): TurnListener {
  return {
    received: (address, _inbound, outcome) => {
      if (address.channel === 'web') live.ring(outcome.conversationId);
    },
    delivered: (conversationId) => live.ring(conversationId),
    notified: (conversationId) => live.ring(conversationId),
  };
}
