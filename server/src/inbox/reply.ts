import type { Reply, agentReplySchema } from '@parley/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { conversations, handoffs } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, fail, notFound, ok } from '../errors';
import type { Agent } from './actions';
import { assignHandoff } from './assign';
import { recordInboxEvent } from './events';
import { findOpenHandoff } from './handoffs';
import { agentWindow } from './window';

type AgentReplyInput = z.output<typeof agentReplySchema>;
const IMAGE = /\.(png|jpe?g|gif|webp)$/i;

/** The agent's message as channel-neutral replies: text first, then each attachment. */
export function agentReplies(input: AgentReplyInput): Reply[] {
  const replies: Reply[] = [];
  if (input.text !== '') replies.push({ type: 'text', text: input.text });
  for (const file of input.attachments) {
    const path = new URL(file.url).pathname;
    replies.push(IMAGE.test(path) ? { type: 'image', url: file.url } : { type: 'file', url: file.url, ...(file.name ? { name: file.name } : {}) });
  }
  // A template alone carries no text of the agent's: the template's own body goes out.
  if (replies.length === 0) replies.push({ type: 'text', text: '' });
  return replies;
}

/**
 * A person's reply, through the conversation's own channel: recorded as a notice turn (so it is in
 * the transcript and the durable outbox) and pushed the way the channel allows. Outside the channel's
 * window only an approved template (or tag) may go out: the connection's, sent by its outside-window path.
 */
export async function reply(deps: AppDeps, handoffId: string, input: AgentReplyInput, agent: Agent): Promise<Result<{ handoffId: string }>> {
  const { db } = deps.store;
  const found = findOpenHandoff(db, handoffId);
  if (!found.ok) return found;
  const handoff = found.value;
  const conversation = db.select().from(conversations).where(eq(conversations.id, handoff.conversationId)).get();
  if (!conversation) return fail(notFound('Conversation', handoff.conversationId));
  const window = agentWindow(deps, conversation, deps.now());
  if (!window.open) {
    if (input.template === undefined) return fail({ status: 409, code: 'window_closed', message: window.reason, details: { templates: window.templates } });
    const template = input.template;
    const known = window.templates.some((t) => t.name === template.name && (template.language === null || t.language === null || t.language === template.language));
    const bound = deps.channels.get(conversation.channel)?.bind(deps.connections.get(conversation.botId, conversation.channel)?.config);
    if (!known || !bound?.ok || bound.value.sendOutsideWindow === undefined)
      return fail({ status: 409, code: 'window_closed', message: `Template "${template.name}" is not one this ${conversation.channel} connection sends outside the window. ${window.reason}`, details: { templates: window.templates } });
  }
  const sent = await deps.pipeline.notify(conversation.id, agentReplies(input), { reason: 'agent_reply', by: agent.id });
  if (!sent.ok) return sent;
  const at = deps.now().toISOString();
  db.update(handoffs).set({ firstResponseAt: at }).where(and(eq(handoffs.id, handoff.id), isNull(handoffs.firstResponseAt))).run();
  // Answering a waiting conversation takes it.
  if (handoff.status === 'waiting') assignHandoff(db, handoff, agent.id, at, 'claimed');
  recordInboxEvent(db, 'message', handoff, at);
  return ok({ handoffId });
}
