import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';

const lastEventId = z.coerce.number().int().min(0);

/** Where a log stream starts: after `Last-Event-ID` when an EventSource reconnects, else after `fallback`. */
export function resumeAfter(c: Context, fallback: number): number {
  const resumed = lastEventId.safeParse(c.req.header('last-event-id'));
  return resumed.success ? resumed.data : fallback;
}

export interface LogStream<Row extends { id: number }> {
  /** The id of the last row already seen. */
  after: number;
  /** A comment line this often when nothing was sent keeps proxies from closing an idle stream. */
  heartbeatMs: number;
  /** Rows after an id, oldest first. */
  read(after: number): Row[];
  /** The event a row sends (its id is the row's), or undefined to pass over it. */
  event(row: Row): { event: string; data: string } | undefined;
  /** The newest mark of the doorbell, read before each pass; `wait` resolves once something newer rang. */
  newest(): number;
  wait(ms: number, signal: AbortSignal, mark: number): Promise<void>;
}

/**
 * Serves an append-only log as server-sent events: what is new after `after`, then each ring of the
 * doorbell reads on from there. Event ids are row ids, so a reconnect misses nothing.
 */
export function streamLog<Row extends { id: number }>(c: Context, log: LogStream<Row>): Response {
  let cursor = log.after;
  c.header('cache-control', 'no-store');
  c.header('x-accel-buffering', 'no');
  return streamSSE(c, async (stream) => {
    const closed = new AbortController();
    stream.onAbort(() => closed.abort());
    await stream.write(': live\n\n');
    let quietSince = Date.now();
    while (!closed.signal.aborted) {
      const mark = log.newest();
      for (const row of log.read(cursor)) {
        cursor = row.id;
        const event = log.event(row);
        if (event === undefined) continue;
        await stream.writeSSE({ id: String(row.id), ...event });
        quietSince = Date.now();
      }
      if (Date.now() - quietSince >= log.heartbeatMs) {
        await stream.write(': heartbeat\n\n');
        quietSince = Date.now();
      }
      await log.wait(log.heartbeatMs, closed.signal, mark);
    }
  });
}
