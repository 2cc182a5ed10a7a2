import { inboxEventSchema } from '@parley/shared';
import { asc, gt } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/caller';
import { inboxEvents } from '../db/schema';
import type { AppDeps } from '../deps';
import { resumeAfter, streamLog } from '../http/sse-log';
import type { InboxLive } from '../inbox/events';

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
  const newerThan = (cursor: number) => store.db.select().from(inboxEvents).where(gt(inboxEvents.id, cursor)).orderBy(asc(inboxEvents.id)).limit(200).all();
  return new Hono<AuthEnv>().get('/events', (c) =>
    streamLog(c, {
      // A new stream starts with what happens next.
      after: resumeAfter(c, live.newest()),
      heartbeatMs,
      read: newerThan,
      event: (row) => ({
        event: 'inbox',
        data: JSON.stringify(inboxEventSchema.parse({ type: row.type, handoffId: row.handoffId, conversationId: row.conversationId, teamKey: row.teamKey, at: row.at })),
      }),
      newest: () => live.newest(),
      wait: (ms, signal, mark) => live.wait(ms, signal, mark),
    }),
  );
}
