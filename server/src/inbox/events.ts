import { type InboxEvent, copyRecord } from '@parley/shared';
import type { Db, Store } from '../db/open';
import { events, inboxEvents } from '../db/schema';

type InboxEventType = InboxEvent['type'];
export interface HandoffRef {
  id: string;
  botId: string;
  conversationId: string;
  queue: string;
}

/** Records an inbox change for live inboxes (the SSE stream reads this log in order). */
export function recordInboxEvent(db: Db, type: InboxEventType, handoff: HandoffRef, at: string): void {
  db.insert(inboxEvents).values({ type, handoffId: handoff.id, conversationId: handoff.conversationId, teamKey: handoff.queue, at }).run();
}

/** A line of the conversation's history ("Assigned to Ana", "Transferred to billing"): the transcript's system entries. */
export function recordSystemLine(db: Db, handoff: HandoffRef, type: string, text: string, at: string, data: Record<string, unknown> = {}): void {
  db.insert(events).values({ botId: handoff.botId, conversationId: handoff.conversationId, type, data: JSON.stringify(copyRecord<unknown>(data, { handoffId: handoff.id, text })), createdAt: at }).run();
}

/**
 * Wakes live inbox streams. A doorbell, not a queue: a woken stream reads the log after its cursor;
 * rows written elsewhere (the scheduler's SLA tick) are noticed by a cheap poll while anyone listens.
 */
export interface InboxLive {
  ring(): void;
  newest(): number;
  wait(ms: number, signal: AbortSignal, mark: number): Promise<void>;
  close(): void;
}

export function createInboxLive(store: Store, pollMs = 1_000): InboxLive {
  const waiting = new Set<() => void>();
  const newest = store.sqlite.prepare('select coalesce(max(id), 0) from inbox_events').pluck();
  let poll: ReturnType<typeof setInterval> | undefined;
  let seen = 0;
  const wakeAll = () => {
    for (const wake of [...waiting]) wake();
  };
  const newestId = () => Number(newest.get());
  return {
    ring: wakeAll,
    newest: newestId,
    wait(ms, signal, mark) {
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', wake);
          waiting.delete(wake);
          if (waiting.size === 0 && poll) {
            clearInterval(poll);
            poll = undefined;
          }
          resolve();
        };
        const timer = setTimeout(wake, ms);
        waiting.add(wake);
        signal.addEventListener('abort', wake);
        if (!poll) {
          seen = newestId();
          poll = setInterval(() => {
            const now = newestId();
            if (now > seen) {
              seen = now;
              wakeAll();
            }
          }, pollMs);
          poll.unref?.();
        }
        if (signal.aborted || newestId() > mark) wake();
      });
    },
    close() {
      wakeAll();
      if (poll) clearInterval(poll);
      poll = undefined;
    },
  };
}
