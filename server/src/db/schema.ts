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
  /** Sells from another bot's catalog (shared stock) instead of its own. */
  catalogBotId: text('catalog_bot_id'),
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

/**
 * A customer's thread with a bot on one channel. Where it stands is its latest turn, `last_turn_id`
 * (kept by the trigger `turns_chain_head`, see drizzle/0001).
 */
export const conversations = sqliteTable(
  'conversations',
  {
    /** Internal key: the turn log indexes small integers rather than the public id, which keeps its index small. */
    key: integer('key').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    botId: text('bot_id').notNull().references(() => bots.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    /** The channel's own id of the customer or thread (web: the widget's conversationId). */
    externalKey: text('external_key').notNull(),
    /** The conversation's latest turn: the head of its chain of turns (see `turns.prevTurnId`). */
    lastTurnId: integer('last_turn_id'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('conversations_bot_channel_key').on(t.botId, t.channel, t.externalKey)],
);

/**
 * The transcript as a log of turns, one row each, never updated: what came in, every reply that went
 * out, and the session as it stood after the turn, with the flow version it is pinned to. The last
 * row of a conversation is where it stands; sessions are the runs of turns that share a `session_id`.
 * A conversation's turns are a chain from its `last_turn_id` back through `prev_turn_id` (read with
 * turns/chain.ts) rather than an index on the conversation: the log is appended to on every message,
 * and an index entry per turn placed among all conversations' was a third of a turn's commit.
 */
export const turns = sqliteTable(
  'turns',
  {
    /**
     * The rowid, without AUTOINCREMENT (which reads and rewrites `sqlite_sequence` on every insert: a
     * fifth of a turn's SQLite work). Ids still only grow while the newest rows stay; only deleting a
     * bot removes turns, and those are its own conversations', so no conversation's cursor goes back.
     */
    id: integer('id').primaryKey(),
    conversationKey: integer('conversation_key').notNull(),
    /** The conversation's turn before this one (null for its first). */
    prevTurnId: integer('prev_turn_id'),
    sessionId: text('session_id'),
    flowVersionId: integer('flow_version_id'),
    botId: text('bot_id').notNull(),
    channel: text('channel').notNull(),
    /** Inbound kind: text, postback, attachment, payment, released, timer. */
    kind: text('kind').notNull(),
    inbound: text('inbound').notNull(),
    /** The channel's message id: a repeat is answered from this row. */
    externalId: text('external_id'),
    /** The replies sent, as a JSON array of channel-neutral replies. */
    replies: text('replies').notNull(),
    /** The engine's Session after this turn, as JSON; null when the conversation never had one. */
    state: text('state'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('turns_dedupe').on(t.botId, t.channel, t.externalId).where(sql`external_id is not null`),
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
    /** JSON array of more image URLs. */
    images: text('images').notNull().default('[]'),
    url: text('url'),
    price: real('price').notNull(),
    currency: text('currency').notNull(),
    attributes: text('attributes').notNull().default('{}'),
    stock: integer('stock'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** The SKU of the product this row is a variant of (a colour, a size), with its own stock. */
    variantOf: text('variant_of'),
    /** JSON object of a variant's option values. */
    options: text('options').notNull().default('{}'),
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
    /** The provider's own id for this payment (a Stripe Checkout Session), to match its webhooks. */
    providerRef: text('provider_ref'),
    /** The provider's id of the money movement (a Stripe PaymentIntent), known once paid: refunds name it. */
    providerPaymentRef: text('provider_payment_ref'),
    expiresAt: text('expires_at').notNull(),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('payments_pending').on(t.status, t.expiresAt), index('payments_provider_ref').on(t.provider, t.providerRef)],
);

export const handoffs = sqliteTable(
  'handoffs',
  {
    id: text('id').primaryKey(),
    botId: text('bot_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    sessionId: text('session_id').notNull(),
    /** The team's key (a transfer changes it); a key no team has is still a queue of its own. */
    queue: text('queue').notNull(),
    priority: text('priority').notNull(),
    summary: text('summary').notNull(),
    status: text('status', { enum: ['waiting', 'assigned', 'resolved'] }).notNull(),
    assigneeId: text('assignee_id'),
    createdAt: createdAt(),
    /** Told to the inbox (event, auto-assignment) once its turn committed. */
    announcedAt: text('announced_at'),
    firstResponseAt: text('first_response_at'),
    resolvedAt: text('resolved_at'),
    /** Each promise is reported breached once. */
    firstResponseBreached: integer('first_response_breached', { mode: 'boolean' }).notNull().default(false),
    resolutionBreached: integer('resolution_breached', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('handoffs_open').on(t.status, t.queue),
    index('handoffs_conversation').on(t.conversationId),
    index('handoffs_assignee').on(t.assigneeId, t.status),
    // The scheduler looks for hand-offs not yet announced every second: only those are indexed.
    index('handoffs_unannounced').on(t.createdAt).where(sql`announced_at is null`),
  ],
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

/** Roles, highest first: an admin may do everything an editor may, an editor everything an agent may. */
export const userRoles = ['admin', 'editor', 'agent'] as const;

/** People who sign in to the editor. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  /** Stored lowercased: one account per address, whatever case it is typed in. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: userRoles }).notNull(),
  /** argon2id, in the PHC string format (algorithm, parameters and salt included). */
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
  updatedAt: text('updated_at').notNull(),
});

/** Signed-in browsers. Only a hash of the cookie's token is kept: a copy of the store opens no session. */
export const userSessions = sqliteTable(
  'user_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Sent back in X-CSRF-Token on every unsafe request the cookie authenticates. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    /** Sliding: pushed forward as the session is used. */
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('user_sessions_user').on(t.userId), index('user_sessions_expiry').on(t.expiresAt)],
);

/** Personal API tokens (`prl_pat_…`): act with their user's role; only a hash is kept. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: text('last_used_at'),
  },
  (t) => [index('api_tokens_user').on(t.userId)],
);

/** A bot's connection to one messaging app: the app's ids and secrets, as JSON checked by the channel's schema. */
export const channelConnections = sqliteTable(
  'channel_connections',
  {
    botId: text('bot_id').notNull().references(() => bots.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    config: text('config').notNull(),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.botId, t.channel] })],
);

/**
 * Delivery of replies through push channels. The outbox is the turn log itself: a turn's replies are
 * written in its own transaction. This row is how far a conversation's turns have been delivered
 * (sent, or given up as failed), and the retry state of the turn being delivered.
 */
export const channelDeliveries = sqliteTable('channel_deliveries', {
  conversationKey: integer('conversation_key')
    .primaryKey()
    .references(() => conversations.key, { onDelete: 'cascade' }),
  deliveredTurnId: integer('delivered_turn_id').notNull().default(0),
  pendingTurnId: integer('pending_turn_id'),
  /** Platform calls of the pending turn that already succeeded: a retry resumes after them. */
  sentCalls: integer('sent_calls').notNull().default(0),
  attempts: integer('attempts').notNull().default(0),
  /** What the pending turn's replies needed from its request (JSON), so a retry renders the same calls. */
  context: text('context'),
  /** The pending turn goes out as the platform allows outside its service window (tag, template): its retries too. */
  outsideWindow: integer('outside_window', { mode: 'boolean' }).notNull().default(false),
  nextAttemptAt: text('next_attempt_at'),
  lastError: text('last_error'),
  updatedAt: text('updated_at').notNull(),
});

/**
 * A customer as their messaging app names them: one row per bot, channel and platform id, upserted
 * as their messages come in, so one person is found again across conversations and sessions.
 */
export const contacts = sqliteTable(
  'contacts',
  {
    botId: text('bot_id').notNull().references(() => bots.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    /** The platform's id of the customer (PSID, wa_id, Viber id, OpenID…): the conversation's external key. */
    platformId: text('platform_id').notNull(),
    name: text('name'),
    /** As the platform gives it (Telegram `language_code`, Viber `language`, KakaoTalk `lang`). */
    language: text('language'),
    firstSeenAt: text('first_seen_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.botId, t.channel, t.platformId] })],
);

export type BotRow = typeof bots.$inferSelect;
export type FlowVersionRow = typeof flowVersions.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;
export type TurnRow = typeof turns.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type HandoffRow = typeof handoffs.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type UserSessionRow = typeof userSessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export * from './schema-commerce';
export * from './schema-inbox';
export type ChannelConnectionRow = typeof channelConnections.$inferSelect;
