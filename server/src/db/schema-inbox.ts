import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The customer-service inbox: teams (the queues hand-offs name), canned responses, who is online,
 * internal notes and the inbox's own event log. Part of the one schema (re-exported by schema.ts).
 */

/** A queue of people, workspace-wide; `key` is what hand-off nodes name as their `queue`. */
export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  /** JSON of shared businessHoursSchema; null: always open. */
  businessHours: text('business_hours'),
  /** JSON `{ firstResponseMinutes, resolutionMinutes }`; null: no promise. */
  sla: text('sla'),
  autoAssign: integer('auto_assign', { mode: 'boolean' }).notNull().default(true),
  maxOpenPerAgent: integer('max_open_per_agent').notNull().default(5),
  /** JSON array of user ids. */
  memberIds: text('member_ids').notNull().default('[]'),
  /** Round-robin: the member who got the last conversation; the next one goes to the member after. */
  lastAssignedId: text('last_assigned_id'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const cannedResponses = sqliteTable(
  'canned_responses',
  {
    id: text('id').primaryKey(),
    shortcut: text('shortcut').notNull(),
    text: text('text').notNull(),
    /** Offered only in this team; '' everywhere (an empty key keeps the unique index strict). */
    teamKey: text('team_key').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('canned_responses_shortcut').on(t.teamKey, t.shortcut)],
);

/** Agents who take auto-assigned work; absent means away. */
export const agentPresence = sqliteTable('agent_presence', {
  userId: text('user_id').primaryKey(),
  online: integer('online', { mode: 'boolean' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Internal notes on a hand-off: agents read them, the customer never does. */
export const inboxNotes = sqliteTable(
  'inbox_notes',
  {
    id: text('id').primaryKey(),
    handoffId: text('handoff_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    userId: text('user_id').notNull(),
    text: text('text').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('inbox_notes_conversation').on(t.conversationId, t.createdAt)],
);

/**
 * What changed in the inbox, in order: the live stream (SSE) reads it after the id a client last saw,
 * so a reconnect misses nothing and changes made by the scheduler reach open inboxes too.
 */
export const inboxEvents = sqliteTable('inbox_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  type: text('type', { enum: ['queued', 'assigned', 'message', 'note', 'resolved', 'sla'] }).notNull(),
  handoffId: text('handoff_id').notNull(),
  conversationId: text('conversation_id').notNull(),
  teamKey: text('team_key').notNull(),
  at: text('at').notNull(),
});

export type TeamRow = typeof teams.$inferSelect;
export type CannedResponseRow = typeof cannedResponses.$inferSelect;
export type InboxEventRow = typeof inboxEvents.$inferSelect;
