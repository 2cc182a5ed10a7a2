import { type InboxDetail, type Reply, type TranscriptEntry, inboundSchema, replySchema, sessionSchema } from '@parley/shared';
import { and, asc, eq, like } from 'drizzle-orm';
import { z } from 'zod';
import { contactProfile } from '../channels/contacts';
import { conversations, events, inboxNotes, turns } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, fail, notFound, ok } from '../errors';
import { readJson } from '../turns/load';
import { userName } from './assign';
import { deliveryStates } from './delivery';
import { findHandoff } from './handoffs';
import { inboundText, itemOf } from './items';
import { agentWindow } from './window';
import { inConversation } from '../turns/chain';

const repliesSchema = z.array(replySchema);
const systemData = z.object({ text: z.string() });
const labelled = z.object({ label: z.string().min(1) });

/** The agent's message as the transcript shows it: its text and its files. */
function agentEntry(replies: readonly Reply[]) {
  const text = replies.flatMap((r) => (r.type === 'text' && r.text !== '' ? [r.text] : [])).join('\n');
  const attachments = replies.flatMap((r) => (r.type === 'image' || r.type === 'file' ? [{ url: r.url, name: r.type === 'file' ? (r.name ?? '') : '' }] : []));
  return { text, attachments };
}

/** Nodes the agent may hand back to, labelled as the flow's author named them. */
function resumeNodesOf(deps: AppDeps, flowVersionId: number | null): InboxDetail['resumeNodes'] {
  if (flowVersionId === null) return [];
  const version = deps.directory.version(flowVersionId);
  if (!version.ok) return [];
  return [...version.version.flow.nodes.values()].map(({ node }) => {
    const label = labelled.safeParse(node.data);
    return { id: node.id, label: label.success ? label.data.label : `${node.type} (${node.id})` };
  });
}

/** One hand-off with everything an agent reads before answering. */
export function inboxDetail(deps: AppDeps, handoffId: string): Result<InboxDetail> {
  const { db } = deps.store;
  const found = findHandoff(db, handoffId);
  if (!found.ok) return found;
  const handoff = found.value;
  const conversation = db.select().from(conversations).where(eq(conversations.id, handoff.conversationId)).get();
  if (!conversation) return fail(notFound('Conversation', handoff.conversationId));
  const now = deps.now();
  const log = db.select().from(turns).where(inConversation(conversation.key)).orderBy(asc(turns.id)).all();
  const delivery = deliveryStates(deps, conversation);
  const entries: TranscriptEntry[] = [];
  for (const turn of log) {
    const inbound = readJson(inboundSchema, turn.inbound);
    const replies = readJson(repliesSchema, turn.replies) ?? [];
    if (inbound && (inbound.kind === 'text' || inbound.kind === 'postback' || inbound.kind === 'attachment'))
      entries.push({ from: 'customer', at: turn.createdAt, text: inboundText(inbound), body: inbound });
    if (inbound?.kind === 'notice' && inbound.reason === 'agent_reply' && inbound.by !== undefined) {
      const state = delivery(turn.id);
      entries.push({ from: 'agent', at: turn.createdAt, agentId: inbound.by, agentName: userName(db, inbound.by), ...agentEntry(replies), delivery: state.delivery, error: state.error });
      continue;
    }
    for (const reply of replies) entries.push({ from: 'bot', at: turn.createdAt, reply });
  }
  for (const note of db.select().from(inboxNotes).where(eq(inboxNotes.conversationId, conversation.id)).all())
    entries.push({ from: 'note', at: note.createdAt, agentId: note.userId, agentName: userName(db, note.userId), text: note.text });
  for (const line of db.select().from(events).where(and(eq(events.conversationId, conversation.id), like(events.type, 'inbox.%'))).orderBy(asc(events.id)).all()) {
    const data = readJson(systemData, line.data);
    if (data) entries.push({ from: 'system', at: line.createdAt, text: data.text });
  }
  // Stable: entries of the same instant keep the order they were added in (customer, then bot).
  const transcript = entries.map((entry, index) => ({ entry, index })).sort((a, b) => (a.entry.at < b.entry.at ? -1 : a.entry.at > b.entry.at ? 1 : a.index - b.index)).map(({ entry }) => entry);

  const latest = log.at(-1);
  const session = latest ? readJson(sessionSchema, latest.state) : undefined;
  const profile = contactProfile(deps.store, conversation);
  return ok({
    item: itemOf(deps.store, handoff, now),
    transcript,
    variables: session?.vars ?? {},
    profile: { name: profile.name ?? null, language: profile.language ?? null, channel: conversation.channel, externalKey: conversation.externalKey },
    window: agentWindow(deps, conversation, now),
    resumeNodes: resumeNodesOf(deps, latest?.flowVersionId ?? null),
  });
}
