import { attachmentInboundSchema, paymentInboundSchema, postbackInboundSchema, releasedInboundSchema, replySchema, textInboundSchema, timerInboundSchema } from '@parley/shared';
import { compileFlow } from '@parley/runtime';
import { Hono } from 'hono';
import { z } from 'zod';
import { flowForBot } from '../bots/flow-input';
import { flowInputSchema } from '../bots/schemas';
import { findBot, getDraft } from '../bots/service';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { jsonBody } from '../http/validate';
import { newId } from '../ids';
import { createTestChats } from '../test-chat/chats';
import { runTestTurn } from '../test-chat/run';
import { createKeyedQueue } from '../turns/queue';

const tag = 'Test chat';

/** What the author may send: what a customer sends, and the events the chat lets them trigger. */
const testMessageSchema = z.discriminatedUnion('kind', [textInboundSchema, postbackInboundSchema, attachmentInboundSchema, paymentInboundSchema, releasedInboundSchema, timerInboundSchema]);

export const testChatBodySchema = z.object({
  chatId: z.string().regex(/^[\w-]{1,100}$/, 'a chat id is 1 to 100 letters, digits, _ or -').optional().meta({ description: 'The test conversation; a new one when absent.' }),
  flow: flowInputSchema.optional().meta({ description: 'The flow to run (the canvas as it is); the saved draft when absent.' }),
  message: testMessageSchema,
});

const pendingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('payment'), paymentId: z.string(), amount: z.number(), currency: z.string(), description: z.string() }),
  z.object({ kind: z.literal('handoff'), queue: z.string() }),
  z.object({ kind: z.literal('timer'), timerId: z.string(), at: z.string(), data: z.unknown() }),
]);
export const testChatAnswerSchema = z.object({
  chatId: z.string(),
  replies: z.array(replySchema),
  events: z.array(z.object({ type: z.string(), nodeId: z.string().optional(), data: z.unknown().optional() })),
  path: z.array(z.string()),
  session: z.object({ status: z.enum(['active', 'ended']), waitingAt: z.string().nullable(), vars: z.record(z.string(), z.unknown()) }).nullable(),
  onDraft: z.boolean(),
  pending: z.array(pendingSchema),
});

/**
 * The editor's test chat: runs a bot's draft (or the canvas as sent) through the real engine, with a
 * session kept per test conversation in memory. Nothing is stored and no channel is involved.
 */
export function testChatRoutes(deps: AppDeps) {
  const chats = createTestChats();
  const queue = createKeyedQueue();
  deps.docs.add(
    {
      method: 'post',
      path: '/api/bots/{id}/test-chat',
      summary: "Send a message to a test conversation on the bot's draft",
      tag,
      body: testChatBodySchema,
      responses: {
        200: { description: 'The turn: replies, events, the nodes it went through, the session and what waits to be triggered', schema: testChatAnswerSchema },
        404: { description: 'Unknown bot' },
        422: { description: 'flow_not_runnable: the draft cannot run (no Start, a node with invalid settings); the problems are in error.details' },
      },
    },
    { method: 'delete', path: '/api/bots/{id}/test-chat/{chatId}', summary: 'Forget a test conversation (restart it)', tag, responses: { 200: { description: '{ deleted }' } } },
  );
  return new Hono()
    .post('/:id/test-chat', jsonBody(testChatBodySchema), async (c) => {
      const botId = c.req.param('id');
      const body = c.req.valid('json');
      const bot = findBot(deps, botId);
      if (!bot.ok) return errorResponse(c, bot.error);
      const flow = body.flow === undefined ? getDraft(deps, botId) : flowForBot(body.flow, bot.value, 'flow');
      if (!flow.ok) return errorResponse(c, flow.error);
      const compiled = compileFlow('flow' in flow.value ? flow.value.flow : flow.value, deps.catalog);
      if (!compiled.ok) {
        const [first] = compiled.problems;
        return errorResponse(c, { status: 422, code: 'flow_not_runnable', message: `This flow cannot run yet: ${first?.message ?? 'it has errors.'}`, details: compiled.problems });
      }
      const chatId = body.chatId ?? newId('chat');
      const key = `${botId}\u0000${chatId}`;
      const turn = await queue.run(key, async () => {
        const done = await runTestTurn(
          { directory: deps.directory, fetch: deps.effects.fetch, publicUrl: deps.config.publicUrl },
          { botId, chatId, draft: compiled.flow, state: chats.get(key), inbound: body.message, now: new Date() },
        );
        chats.put(key, done.state);
        return done;
      });
      const { session } = turn.state;
      return c.json({
        chatId,
        replies: turn.replies,
        events: turn.events,
        path: turn.path,
        session: session && { status: session.status, waitingAt: session.waitingAt, vars: session.vars },
        onDraft: turn.state.elsewhere === null,
        pending: turn.state.pending,
      });
    })
    .delete('/:id/test-chat/:chatId', (c) => c.json({ deleted: chats.delete(`${c.req.param('id')}\u0000${c.req.param('chatId')}`) }));
}
