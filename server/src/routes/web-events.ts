import { isFromCustomer, inboundSchema, replySchema } from '@parley/shared';
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { conversations, turns } from '../db/schema';
import type { AppDeps } from '../deps';
import { errorResponse, notFound } from '../errors';
import { resumeAfter, streamLog } from '../http/sse-log';
import { queryParams } from '../http/validate';
import { readJson } from '../turns/load';
import type { WebLive } from './web-live';
import { inConversation } from '../turns/chain';

const repliesSchema = z.array(replySchema);
const eventsQuery = z.object({ after: z.coerce.number().int().min(0).optional() });

export interface WebEventsOptions {
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs?: number;
}

/**
 * Live replies for the web widget (server-sent events): each turn the customer did not send (a
 * payment's outcome, a person's reply, a timer, a back-in-stock notice) is one `message` event whose
 * id is the turn's id. The customer's own turns were answered by their POST and are skipped. A
 * reconnect resumes after `Last-Event-ID` (or `?after=`), reading the turn log, so nothing is missed.
 */
export function webEventRoutes({ store, docs }: AppDeps, live: WebLive, options: WebEventsOptions = {}) {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  docs.add({
    method: 'get',
    path: '/webhooks/web/{botId}/conversations/{conversationId}/events',
    summary: 'Server-sent events: replies the customer did not ask for (payments, people, timers, notices), live',
    tag: 'Channels',
    public: true,
    query: eventsQuery,
    responses: { 200: { description: 'text/event-stream of `message` events `{ id, at, replies }`, with heartbeats' }, 404: { description: 'Unknown conversation' } },
  });
  const newTurns = (conversationKey: number, after: number) =>
    store.db
      .select({ id: turns.id, inbound: turns.inbound, replies: turns.replies, createdAt: turns.createdAt })
      .from(turns)
      .where(inConversation(conversationKey, after))
      .orderBy(asc(turns.id))
      .limit(100)
      .all();

  return new Hono().get('/:botId/conversations/:conversationId/events', queryParams(eventsQuery), (c) => {
    const conversation = store.db
      .select({ key: conversations.key, id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.botId, c.req.param('botId')), eq(conversations.channel, 'web'), eq(conversations.externalKey, c.req.param('conversationId'))))
      .get();
    if (!conversation) return errorResponse(c, notFound('Conversation', c.req.param('conversationId')));
    return streamLog(c, {
      // A reconnecting EventSource says where it stopped; that wins over the `after` it was opened with.
      after: resumeAfter(c, c.req.valid('query').after ?? 0),
      heartbeatMs,
      read: (after) => newTurns(conversation.key, after),
      event: (row) => {
        const inbound = readJson(inboundSchema, row.inbound);
        if (inbound === undefined || isFromCustomer(inbound)) return undefined;
        const replies = readJson(repliesSchema, row.replies) ?? [];
        return replies.length === 0 ? undefined : { event: 'message', data: JSON.stringify({ id: row.id, at: row.createdAt, replies }) };
      },
      newest: () => live.newest(),
      wait: (ms, signal, mark) => live.wait(conversation.id, ms, signal, mark),
    });
  });
}
