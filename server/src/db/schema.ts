import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The one source of the store's shape: types come from `$inferSelect`, migrations from drizzle-kit. */

const createdAt = () => text('created_at').notNull();

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const bots = sqliteTable('bots', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** The flow being edited, as JSON. */
  draft: text('draft').notNull(),
  /** Bumped on every draft save: a save naming an older revision is refused (two tabs editing). */
  draftRevision: integer('draft_revision').notNull().default(1),
  publishedVersionId: integer('published_version_id'),
  createdAt: createdAt(),
  updatedAt: text('updated_at').notNull(),
});

export const flowVersions = sqliteTable(
  'flow_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    botId: text('bot_id').notNull().references(() => bots.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** Immutable once written: conversations pinned to it must keep running the same graph. */
    flow: text('flow').notNull(),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull().default('admin'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('flow_versions_bot_version').on(t.botId, t.version)],
);

export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    botId: text('bot_id').notNull().references(() => bots.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    /** The channel's own id of the customer or thread (web: the widget's conversationId). */
    externalKey: text('external_key').notNull(),
    sessionId: text('session_id'),
    status: text('status', { enum: ['bot', 'handoff'] }).notNull().default('bot'),
    createdAt: createdAt(),
    lastMessageAt: text('last_message_at').notNull(),
  },
  (t) => [uniqueIndex('conversations_bot_channel_key').on(t.botId, t.channel, t.externalKey)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id').notNull(),
    flowVersionId: integer('flow_version_id').notNull(),
    status: text('status', { enum: ['active', 'ended'] }).notNull(),
    /** The engine's Session as JSON. */
    state: text('state').notNull(),
    startedAt: text('started_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('sessions_conversation').on(t.conversationId)],
);

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversationId: text('conversation_id').notNull(),
    sessionId: text('session_id'),
    botId: text('bot_id').notNull(),
    channel: text('channel').notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    /** Inbound kind (text, postback, payment…) or reply type (text, buttons, cards…). */
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    /** The channel's message id of an inbound message: a repeat is answered from the store. */
    externalId: text('external_id'),
    /** For outbound rows: the inbound message they answer. */
    replyTo: integer('reply_to'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_dedupe').on(t.botId, t.channel, t.externalId).where(sql`external_id is not null`),
    index('messages_conversation').on(t.conversationId, t.id),
    index('messages_reply_to').on(t.replyTo).where(sql`reply_to is not null`),
  ],
);

export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    botId: text('bot_id').notNull(),
    conversationId: text('conversation_id'),
    sessionId: text('session_id'),
    type: text('type').notNull(),
    nodeId: text('node_id'),
    data: text('data'),
    createdAt: createdAt(),
  },
  (t) => [index('events_bot_type').on(t.botId, t.type, t.createdAt), index('events_conversation').on(t.conversationId)],
);

export const products = sqliteTable(
  'products',
  {
    botId: text('bot_id').notNull().references(() => bots.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    imageUrl: text('image_url'),
    url: text('url'),
    price: real('price').notNull(),
    currency: text('currency').notNull(),
    attributes: text('attributes').notNull().default('{}'),
    stock: integer('stock'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull().default(0),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.botId, t.sku] })],
);

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    botId: text('bot_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    sessionId: text('session_id').notNull(),
    provider: text('provider').notNull(),
    status: text('status', { enum: ['pending', 'paid', 'failed', 'expired', 'refunded'] }).notNull(),
    amount: real('amount').notNull(),
    currency: text('currency').notNull(),
    description: text('description').notNull(),
    items: text('items').notNull(),
    checkoutUrl: text('checkout_url').notNull(),
    expiresAt: text('expires_at').notNull(),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('payments_pending').on(t.status, t.expiresAt)],
);

export const handoffs = sqliteTable(
  'handoffs',
  {
    id: text('id').primaryKey(),
    botId: text('bot_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    sessionId: text('session_id').notNull(),
    queue: text('queue').notNull(),
    priority: text('priority').notNull(),
    summary: text('summary').notNull(),
    status: text('status', { enum: ['waiting', 'released'] }).notNull(),
    createdAt: createdAt(),
    releasedAt: text('released_at'),
  },
  (t) => [index('handoffs_open').on(t.botId, t.status)],
);

export const timers = sqliteTable(
  'timers',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id').notNull(),
    sessionId: text('session_id').notNull(),
    fireAt: text('fire_at').notNull(),
    data: text('data'),
    status: text('status', { enum: ['pending', 'fired'] }).notNull(),
  },
  (t) => [index('timers_due').on(t.status, t.fireAt)],
);

export type BotRow = typeof bots.$inferSelect;
export type FlowVersionRow = typeof flowVersions.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type HandoffRow = typeof handoffs.$inferSelect;
