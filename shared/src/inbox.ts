import { z } from 'zod';
import { businessHoursSchema } from './business-hours';
import { replySchema } from './replies';

/**
 * The inbox's wire contract: what the server's /api/inbox, /api/teams and /api/canned-responses routes
 * accept and answer, and what the editor's inbox reads. One source for both sides.
 */

export const slaTargetsSchema = z.object({
  firstResponseMinutes: z.number().int().min(1, 'give the first-response target in minutes (at least 1)').max(100_000).meta({ label: 'First response within (business minutes)' }),
  resolutionMinutes: z.number().int().min(1, 'give the resolution target in minutes (at least 1)').max(1_000_000).meta({ label: 'Resolve within (business minutes)' }),
});

/** A queue of people: where hand-offs naming its key wait, with its opening hours and promises. */
export const teamInputSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'use lowercase letters, digits, "-" or "_" (the name hand-off steps use as their queue)')
    .meta({ label: 'Queue name', help: 'Hand-off steps send conversations to this queue.' }),
  name: z.string().trim().min(1, 'give the team a name').max(80),
  businessHours: businessHoursSchema.nullable().default(null).meta({ label: 'Business hours', help: 'Empty: always open.' }),
  sla: slaTargetsSchema.nullable().default(null).meta({ label: 'Response-time promise' }),
  /** Round-robin among the team's online members, each holding at most this many open conversations. */
  autoAssign: z.boolean().default(true),
  maxOpenPerAgent: z.number().int().min(1).max(100).default(5),
  memberIds: z.array(z.string().min(1)).default([]).meta({ label: 'Agents' }),
});
export type TeamInput = z.input<typeof teamInputSchema>;
export const teamSchema = teamInputSchema.extend({ id: z.string(), createdAt: z.string(), updatedAt: z.string() });
export type Team = z.infer<typeof teamSchema>;

export const cannedResponseInputSchema = z.object({
  shortcut: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'use lowercase letters, digits, "-" or "_" (typed after "/")'),
  text: z.string().trim().min(1, 'write the response').max(4_000),
  teamKey: z.string().nullable().default(null).meta({ help: 'Only offered in this team; empty: everywhere.' }),
});
export const cannedResponseSchema = cannedResponseInputSchema.extend({ id: z.string(), createdAt: z.string() });
export type CannedResponse = z.infer<typeof cannedResponseSchema>;

export const slaClockSchema = z.object({
  dueAt: z.string().nullable(),
  remainingMinutes: z.number().nullable(),
  state: z.enum(['running', 'met', 'breached']),
});
export type SlaClockView = z.infer<typeof slaClockSchema>;

export const INBOX_STATUSES = ['waiting', 'assigned', 'resolved'] as const;
export const inboxStatusSchema = z.enum(INBOX_STATUSES);
export type InboxStatus = z.infer<typeof inboxStatusSchema>;

/** One hand-off as the inbox lists it. `id` is the hand-off's id (a conversation may be handed off again later). */
export const inboxItemSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  botId: z.string(),
  botName: z.string(),
  channel: z.string(),
  contact: z.object({ name: z.string().nullable(), externalKey: z.string() }),
  teamKey: z.string(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  summary: z.string(),
  status: inboxStatusSchema,
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  queuedAt: z.string(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** Customer's latest message text (for the list), and when anything last happened. */
  lastMessage: z.string().nullable(),
  lastActivityAt: z.string(),
  /** Both promises; null when the team has no SLA. */
  sla: z.object({ firstResponse: slaClockSchema, resolution: slaClockSchema }).nullable(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

/** GET /api/inbox?view=waiting|mine|all|resolved&team=<key> */
export const inboxViewSchema = z.enum(['waiting', 'mine', 'all', 'resolved']);
export type InboxView = z.infer<typeof inboxViewSchema>;
export const inboxListSchema = z.object({
  items: z.array(inboxItemSchema),
  /** Counts for the sidebar, per team and per view, for the signed-in agent. */
  counts: z.object({
    waiting: z.number(),
    mine: z.number(),
    all: z.number(),
    teams: z.array(z.object({ key: z.string(), name: z.string(), waiting: z.number(), open: z.number() })),
  }),
});
export type InboxList = z.infer<typeof inboxListSchema>;

/** A line of the transcript across bot, customer, agents and internal notes. */
export const transcriptEntrySchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('customer'), at: z.string(), text: z.string(), body: z.unknown() }),
  z.object({ from: z.literal('bot'), at: z.string(), reply: replySchema }),
  z.object({ from: z.literal('agent'), at: z.string(), agentId: z.string(), agentName: z.string(), text: z.string(), attachments: z.array(z.object({ url: z.string(), name: z.string() })), delivery: z.enum(['sent', 'pending', 'failed', 'blocked']), error: z.string().nullable() }),
  z.object({ from: z.literal('note'), at: z.string(), agentId: z.string(), agentName: z.string(), text: z.string() }),
  z.object({ from: z.literal('system'), at: z.string(), text: z.string() }),
]);
export type TranscriptEntry = z.infer<typeof transcriptEntrySchema>;

/** GET /api/inbox/:handoffId */
export const inboxDetailSchema = z.object({
  item: inboxItemSchema,
  transcript: z.array(transcriptEntrySchema),
  variables: z.record(z.string(), z.unknown()),
  profile: z.object({ name: z.string().nullable(), language: z.string().nullable(), channel: z.string(), externalKey: z.string() }),
  /** Whether an agent's text can go out now on this channel, and if not why, and the templates allowed instead. */
  window: z.union([
    z.object({ open: z.literal(true) }),
    z.object({ open: z.literal(false), reason: z.string(), templates: z.array(z.object({ name: z.string(), language: z.string().nullable() })) }),
  ]),
  /** Nodes of the conversation's flow the agent may hand back to (id and a readable label). */
  resumeNodes: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type InboxDetail = z.infer<typeof inboxDetailSchema>;

/** POST /api/inbox/:id/reply — text and/or attachments (URLs already uploaded or public), or a template outside the window. */
export const agentReplySchema = z
  .object({
    text: z.string().trim().max(4_000).default(''),
    attachments: z.array(z.object({ url: z.url({ error: 'give the attachment as a full http(s) address' }), name: z.string().max(200).default('') })).max(10).default([]),
    template: z.object({ name: z.string().min(1), language: z.string().nullable().default(null) }).optional(),
  })
  .refine((r) => r.text !== '' || r.attachments.length > 0 || r.template !== undefined, { message: 'write a message, attach a file or choose a template', path: ['text'] });
export type AgentReply = z.input<typeof agentReplySchema>;

/** POST /api/inbox/:id/note */
export const agentNoteSchema = z.object({ text: z.string().trim().min(1, 'write the note').max(4_000) });
/** POST /api/inbox/:id/assign — to an agent (null: back to the queue), or transfer to another team. */
export const assignSchema = z
  .object({ agentId: z.string().min(1).nullable().optional(), teamKey: z.string().min(1).optional() })
  .refine((a) => a.agentId !== undefined || a.teamKey !== undefined, { message: 'name an agent or a team', path: ['agentId'] });
/** POST /api/inbox/:id/resolve — hand back to the bot at a node, or end the conversation. */
export const resolveSchema = z.object({ handBack: z.discriminatedUnion('to', [z.object({ to: z.literal('node'), nodeId: z.string().min(1) }), z.object({ to: z.literal('waiting') }), z.object({ to: z.literal('end') })]) });
/** PUT /api/inbox/presence — an agent goes online (takes auto-assigned work) or away. */
export const presenceSchema = z.object({ online: z.boolean() });

/** What GET /api/inbox/events (server-sent events, event name `inbox`) pushes; the client refetches what it shows. */
export const inboxEventSchema = z.object({
  type: z.enum(['queued', 'assigned', 'message', 'note', 'resolved', 'sla']),
  handoffId: z.string(),
  conversationId: z.string(),
  teamKey: z.string(),
  at: z.string(),
});
export type InboxEvent = z.infer<typeof inboxEventSchema>;

/** GET /api/inbox/agents — the people a conversation can go to (every signed-in role can answer). */
export const inboxAgentSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['admin', 'editor', 'agent']),
  online: z.boolean(),
  /** Conversations assigned to them and not yet resolved. */
  open: z.number(),
  teamKeys: z.array(z.string()),
});
export type InboxAgent = z.infer<typeof inboxAgentSchema>;
export const inboxAgentsSchema = z.object({ agents: z.array(inboxAgentSchema) });
