import { replySchema } from '@parley/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { getConversation, listConversations, releaseConversation } from '../bots/service';
import { type AuthEnv, actorOf } from '../auth/caller';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { jsonBody, queryParams } from '../http/validate';

const tag = 'Conversations';
const listQuery = z.object({
  botId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
const releaseSchema = z.object({
  nodeId: z.string().min(1).optional().meta({ description: 'Continue the flow at this node; where it waited when absent.' }),
});

/** Conversations as agents see them, and handing one back to the bot. */
export function conversationRoutes(deps: AppDeps) {
  deps.docs.add(
    { method: 'get', path: '/api/conversations', summary: 'Conversations, most recent first', tag, query: listQuery, responses: { 200: { description: 'Conversations' }, 404: { description: 'Unknown bot' } } },
    {
      method: 'get',
      path: '/api/conversations/{id}',
      summary: 'One conversation: its session, messages (oldest first), events and hand-offs',
      tag,
      responses: { 200: { description: 'The conversation' }, 404: { description: 'Unknown conversation' } },
    },
    {
      method: 'post',
      path: '/api/conversations/{id}/release',
      summary: 'Hand a conversation waiting for a person back to the bot',
      tag,
      body: releaseSchema,
      responses: {
        200: { description: "The bot's replies as it resumes", schema: z.object({ replies: z.array(replySchema) }) },
        404: { description: 'Unknown conversation' },
        409: { description: 'not_in_handoff: the bot is already answering it' },
      },
    },
  );
  return new Hono<AuthEnv>()
    .get('/', queryParams(listQuery), (c) => {
      const list = listConversations(deps, c.req.valid('query'));
      return list.ok ? c.json({ conversations: list.value }) : errorResponse(c, list.error);
    })
    .get('/:id', (c) => {
      const conversation = getConversation(deps, c.req.param('id'));
      return conversation.ok ? c.json(conversation.value) : errorResponse(c, conversation.error);
    })
    .post('/:id/release', jsonBody(releaseSchema), async (c) => {
      const released = await releaseConversation(deps, c.req.param('id'), { nodeId: c.req.valid('json').nodeId, by: actorOf(c.get('caller')) });
      return released.ok ? c.json(released.value) : errorResponse(c, released.error);
    });
}
