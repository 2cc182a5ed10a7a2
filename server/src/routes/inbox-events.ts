import { inboxEventSchema } from '@parley/shared';
import { asc, gt } from 'drizzle-orm';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { AuthEnv } from '../auth/caller';
import { inboxEvents } from '../db/schema';
import type { AppDeps } from '../deps';
import type { InboxLive } from '../inbox/events';

const lastEventId = z.coerce.number().int().min(0);

/**
 * GET /api/inbox/events: server-sent `inbox` events (queued, assigned, message, note, resolved, sla)
 * for signed-in agents (the cookie authenticates an EventSource). Each event's id is its row in the
 * inbox log: a reconnect resumes after Last-Event-ID; a new stream starts with what happens next.
 */
export function inboxEventRoutes({ store, docs }: AppDeps, live: InboxLive, options: { heartbeatMs?: number } = {}) {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  docs.add({
    method: 'get',
    path: '/api/inbox/events',
    summary: 'Server-sent `inbox` events (queued, assigned, message, note, resolved, sla): refetch what you show',
    tag: 'Inbox',
    responses: { 200: { description: 'text/event-stream of `inbox` events `{ type, handoffId, conversationId, teamKey, at }`, with heartbeats' } },
  });
  const after = (cursor: number) => store.db.select().from(inboxEvents).where(gt(inboxEvents.id, cursor)).orderBy(asc(inboxEvents.id)).limit(200).all();
  return new Hono<AuthEnv>().get('/events', (c) => {
    const resumed = lastEventId.safeParse(c.req.header('last-event-id'));
    let cursor = resumed.success ? resumed.data : live.newest();
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      const closed = new AbortController();
      stream.onAbort(() => closed.abort());
      await stream.write(': live\n\n');
      let quietSince = Date.now();
      while (!closed.signal.aborted) {
        const mark = live.newest();
        for (const row of after(cursor)) {
          cursor = row.id;
          const event = inboxEventSchema.parse({ type: row.type, handoffId: row.handoffId, conversationId: row.conversationId, teamKey: row.teamKey, at: row.at });
          await stream.writeSSE({ id: String(row.id), event: 'inbox', data: JSON.stringify(event) });
          quietSince = Date.now();
        }
        if (Date.now() - quietSince >= heartbeatMs) {
          await stream.write(': heartbeat\n\n');
          quietSince = Date.now();
        }
        await live.wait(heartbeatMs, closed.signal, mark);
      }
    });
  });
}
