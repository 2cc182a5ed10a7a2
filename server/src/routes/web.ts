import { type Inbound, compileGuard, inboundSchema, replySchema } from '@parley/shared';
import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { conversations, turns } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, errorResponse, notFound, ok } from '../errors';
import { jsonBody, queryParams } from '../http/validate';
import { readJson } from '../turns/load';
import type { TurnOutcome, TurnPipeline } from '../turns/pipeline';
import { inConversation } from '../turns/chain';

export const webMessageSchema = z
  .object({
    conversationId: z.string().min(1).max(200).meta({ description: "The widget's id for this customer's conversation (keep it unguessable)." }),
    text: z.string().max(10_000).optional(),
    payload: z.string().max(2_000).optional().meta({ description: 'The payload of a tapped button.' }),
    title: z.string().max(2_000).optional().meta({ description: 'The title of the tapped button, for the transcript.' }),
    attachment: z
      .object({ type: z.enum(['image', 'video', 'audio', 'file', 'location', 'sticker']), url: z.string().max(4_000), name: z.string().max(500).optional() })
      .optional(),
    messageId: z.string().min(1).max(200).optional().meta({ description: 'Your id of this message: a repeat returns the first answer and runs nothing.' }),
  })
  .refine(saysSomething, {
    message: 'send a text, a payload or an attachment',
    path: ['text'],
  });

export type WebMessage = z.output<typeof webMessageSchema>;

/** A message carries what the customer did: a text, a tapped button's payload or an attachment. */
function saysSomething(m: { text?: string; payload?: string; attachment?: object }): boolean {
  return m.text !== undefined || m.payload !== undefined || m.attachment !== undefined;
}

/** The schema, compiled for the front door's hot path (`compileGuard`, shared/src/schema-guard.ts); with its refinement. */
export const isWebMessage = compileGuard(webMessageSchema, [saysSomething]);

function toInbound(message: WebMessage): Inbound {
  if (message.payload !== undefined)
    return message.title === undefined ? { kind: 'postback', payload: message.payload } : { kind: 'postback', payload: message.payload, title: message.title };
  if (message.attachment !== undefined)
    return { kind: 'attachment', attachmentType: message.attachment.type, url: message.attachment.url, ...(message.attachment.name ? { name: message.attachment.name } : {}) };
  return { kind: 'text', text: message.text ?? '' };
}

/** The customer's message as the transcript shows it: the text, the tapped button's title, or the attachment. */
function customerSaid(inbound: Inbound | undefined): string | undefined {
  if (inbound?.kind === 'text') return inbound.text;
  if (inbound?.kind === 'postback') return inbound.title ?? inbound.payload;
  if (inbound?.kind === 'attachment') return inbound.name ?? inbound.attachmentType;
  return undefined;
}

/**
 * Runs a customer's web message through the pipeline; answers the response body. Shared by the route
 * and the listener in front of the app (http/web-messages.ts), so both answer alike.
 */
export function answerWebMessage(pipeline: TurnPipeline, botId: string, message: WebMessage): Promise<Result<string>> {
  return pipeline.receive({ botId, channel: 'web', externalKey: message.conversationId }, toInbound(message), message.messageId).then(webAnswer);
}

function webAnswer(outcome: Result<TurnOutcome>): Result<string> {
  if (!outcome.ok) return outcome;
  const { repliesJson, session, duplicate } = outcome.value;
  const ended = session === null || session.status === 'ended';
  // The replies are already JSON (as stored with the turn): the answer is assembled around them.
  return ok(`{"replies":${repliesJson},"ended":${ended},"duplicate":${duplicate}}`);
}

const turnResponseSchema = z.object({ replies: z.array(replySchema), ended: z.boolean(), duplicate: z.boolean() });
const repliesSchema = z.array(replySchema);
const afterQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });

/** The web channel: a synchronous webhook that answers each message with that turn's replies. */
export function webRoutes({ pipeline, store, docs }: AppDeps) {
  docs.add(
    {
      method: 'post',
      path: '/webhooks/web/{botId}',
      summary: "A customer's message on the web channel; answers that turn's replies",
      tag: 'Channels',
      public: true,
      body: webMessageSchema,
      responses: { 200: { description: 'The replies, after the turn is stored', schema: turnResponseSchema }, 404: { description: 'Unknown bot' }, 409: { description: 'The bot is not published' } },
    },
    {
      method: 'get',
      path: '/webhooks/web/{botId}/conversations/{conversationId}/messages',
      summary: 'Replies sent since a message id (after a payment, an agent, a timer)',
      tag: 'Channels',
      public: true,
      query: afterQuery,
      responses: { 200: { description: 'Outbound messages `{ id, at, reply }` and what the customer sent `{ id, at, text }`, oldest first; `id` is the turn' } },
    },
  );
  return new Hono()
    .post('/:botId', jsonBody(webMessageSchema), async (c) => {
      const answer = await answerWebMessage(pipeline, c.req.param('botId'), c.req.valid('json'));
      return answer.ok ? c.body(answer.value, 200, { 'content-type': 'application/json' }) : errorResponse(c, answer.error);
    })
    .get('/:botId/conversations/:conversationId/messages', queryParams(afterQuery), (c) => {
      const { after } = c.req.valid('query');
      const conversation = store.db
        .select({ key: conversations.key })
        .from(conversations)
        .where(and(eq(conversations.botId, c.req.param('botId')), eq(conversations.channel, 'web'), eq(conversations.externalKey, c.req.param('conversationId'))))
        .get();
      if (!conversation) return errorResponse(c, notFound('Conversation', c.req.param('conversationId')));
      const rows = store.db
        .select({ id: turns.id, inbound: turns.inbound, replies: turns.replies, createdAt: turns.createdAt })
        .from(turns)
        .where(inConversation(conversation.key, after))
        .orderBy(asc(turns.id))
        .limit(200)
        .all();
      // `id` is the turn that sent the reply: pass the last one seen as `after` to get only newer replies.
      const items = rows.flatMap((row) => (readJson(repliesSchema, row.replies) ?? []).map((reply) => ({ id: row.id, at: row.createdAt, reply })));
      // What the customer sent in the same turns, for a widget restoring its transcript.
      const sent = rows.flatMap((row) => {
        const said = customerSaid(readJson(inboundSchema, row.inbound));
        return said === undefined ? [] : [{ id: row.id, at: row.createdAt, text: said }];
      });
      return c.json({ messages: items, sent });
    });
}
