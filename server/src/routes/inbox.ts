import { agentNoteSchema, agentReplySchema, assignSchema, inboxAgentsSchema, inboxDetailSchema, inboxListSchema, inboxViewSchema, presenceSchema, resolveSchema } from '@parley/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from '../auth/caller';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { jsonBody, queryParams } from '../http/validate';
import { addNote, agentOf, assign, claim, setPresence } from '../inbox/actions';
import { listInboxAgents } from '../inbox/agents';
import { inboxDetail } from '../inbox/detail';
import type { InboxLive } from '../inbox/events';
import { listInbox } from '../inbox/list';
import { reply } from '../inbox/reply';
import { resolve } from '../inbox/resolve';

const listQuery = z.object({ view: inboxViewSchema.default('all'), team: z.string().min(1).optional() });
const done = z.object({ handoffId: z.string() });

/** The customer-service inbox: hand-offs of every bot, for agents (and up). */
export function inboxRoutes(deps: AppDeps, live: InboxLive) {
  const tag = 'Inbox';
  const action = (name: string, summary: string, body: z.ZodType, extra: Record<number, { description: string }> = {}) => ({
    method: 'post' as const,
    path: `/api/inbox/{id}/${name}`,
    summary,
    tag,
    body,
    responses: { 200: { description: 'Done', schema: done }, 400: { description: 'A field is wrong (named)' }, 404: { description: 'Unknown hand-off' }, 409: { description: 'handoff_resolved: already back with the bot' }, ...extra },
  });
  deps.docs.add(
    { method: 'get', path: '/api/inbox', summary: 'Hand-offs in a view (waiting, mine, all, resolved), optionally one team’s, with counts and SLA clocks', tag, query: listQuery, responses: { 200: { description: 'The list', schema: inboxListSchema } } },
    { method: 'get', path: '/api/inbox/agents', summary: 'The people a conversation can go to: online or away, open conversations, teams', tag, responses: { 200: { description: 'The agents', schema: inboxAgentsSchema } } },
    { method: 'get', path: '/api/inbox/{id}', summary: 'One hand-off: transcript, variables, profile, reply window, nodes to hand back to', tag, responses: { 200: { description: 'The hand-off', schema: inboxDetailSchema }, 404: { description: 'Unknown hand-off' } } },
    action('claim', 'Take a waiting conversation', z.object({}), { 409: { description: 'already_assigned, or handoff_resolved' } }),
    action('assign', 'Assign to an agent, back to the queue (agentId null), or transfer to another team', assignSchema),
    action('reply', "Reply to the customer through the conversation's channel", agentReplySchema, { 409: { description: 'window_closed (details.templates lists what may go out instead), or handoff_resolved' } }),
    action('note', 'Add an internal note (never sent to the customer)', agentNoteSchema),
    action('resolve', 'Resolve: hand back to the bot at a node, where it waited, or end the conversation', resolveSchema),
    { method: 'put', path: '/api/inbox/presence', summary: 'Go online (take auto-assigned conversations) or away', tag, body: presenceSchema, responses: { 200: { description: 'Presence', schema: presenceSchema } } },
  );
  const changed = () => live.ring();
  return new Hono<AuthEnv>()
    .get('/', queryParams(listQuery), (c) => c.json(listInbox(deps.store, c.req.valid('query'), agentOf(c.get('caller')).id, deps.now())))
    .put('/presence', jsonBody(presenceSchema), (c) => {
      const presence = setPresence(deps, agentOf(c.get('caller')), c.req.valid('json').online);
      changed();
      return c.json(presence);
    })
    .get('/agents', (c) => c.json({ agents: listInboxAgents(deps.store.db) }))
    .get('/:id', (c) => {
      const detail = inboxDetail(deps, c.req.param('id'));
      return detail.ok ? c.json(detail.value) : errorResponse(c, detail.error);
    })
    .post('/:id/claim', (c) => {
      const claimed = claim(deps, c.req.param('id'), agentOf(c.get('caller')));
      changed();
      return claimed.ok ? c.json(claimed.value) : errorResponse(c, claimed.error);
    })
    .post('/:id/assign', jsonBody(assignSchema), (c) => {
      const assigned = assign(deps, c.req.param('id'), c.req.valid('json'), agentOf(c.get('caller')));
      changed();
      return assigned.ok ? c.json(assigned.value) : errorResponse(c, assigned.error);
    })
    .post('/:id/reply', jsonBody(agentReplySchema), async (c) => {
      const sent = await reply(deps, c.req.param('id'), c.req.valid('json'), agentOf(c.get('caller')));
      changed();
      return sent.ok ? c.json(sent.value) : errorResponse(c, sent.error);
    })
    .post('/:id/note', jsonBody(agentNoteSchema), (c) => {
      const noted = addNote(deps, c.req.param('id'), c.req.valid('json').text, agentOf(c.get('caller')));
      changed();
      return noted.ok ? c.json({ handoffId: c.req.param('id'), ...noted.value }) : errorResponse(c, noted.error);
    })
    .post('/:id/resolve', jsonBody(resolveSchema), async (c) => {
      const resolved = await resolve(deps, c.req.param('id'), c.req.valid('json').handBack, agentOf(c.get('caller')));
      changed();
      return resolved.ok ? c.json(resolved.value) : errorResponse(c, resolved.error);
    });
}
