import { type Reply, replySchema } from '@parley/shared';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Store } from '../db/open';
import { channelDeliveries, conversations, turns } from '../db/schema';
import { readJson } from '../turns/load';
import { type KeyedQueue, createKeyedQueue } from '../turns/queue';
import type { ConnectionStore } from './connections';
import { recordChannelEvent } from './events';
import { createPacer } from './rate';
import type { ChannelRegistry } from './registry';
import type { Recipient, SendIo, SendResult } from './types';
import { type Sender, type WindowState, createWindowCheck } from './window';
import { CUSTOMER_KINDS, inConversation } from '../turns/chain';

/**
 * Delivery of replies through push channels, durable: the outbox is the turn log (a turn's replies are
 * committed with it), and `channel_deliveries` records how far each conversation has been delivered.
 * Each conversation's turns go out one after another in commit order, within the connection's
 * send-rate cap; 5xx, 429 and network failures are retried with backoff (or after as long as a
 * throttling platform said, holding the connection's other chats too), resuming after the calls that
 * went through; a refusal (or retries run out)
 * is recorded as a `channel.send_failed` event with the platform's error, and the next turn follows.
 * After a restart, `recover` delivers whatever was committed but not yet delivered.
 */
export interface ChannelDispatch {
  /** A turn of this conversation committed; `message` names the customer's message it answered and what its reply needs. */
  committed(conversationId: string, message?: { messageId?: string; context?: Recipient['context'] }): void;
  /** Replies outside the turn log (the overflow of WeChat's passive reply): sent in the conversation's order, once. */
  sendNow(conversationId: string, replies: readonly Reply[], context?: Recipient['context']): void;
  /** Delivers what was committed but not delivered (after a restart), and schedules pending retries. */
  recover(): void;
  /** Settles once nothing is being sent (tests, shutdown); with `retries`, once no retry is scheduled either. */
  idle(options?: { retries?: boolean }): Promise<void>;
  close(): void;
}

export interface DispatchDeps {
  registry: ChannelRegistry;
  connections: ConnectionStore;
  store: Store;
  io: SendIo;
  /** Waits before each retry; one more attempt than delays. */
  retryDelaysMs?: readonly number[];
  now?: () => Date;
  log?: (message: string) => void;
}

const DEFAULT_RETRY_DELAYS = [1_000, 5_000, 30_000, 120_000, 600_000];
const CUSTOMER_KIND_SET: ReadonlySet<string> = new Set(CUSTOMER_KINDS);
const repliesSchema = z.array(replySchema);

type Conversation = { key: number; id: string; botId: string; channel: string; externalKey: string };
type Delivery = { deliveredTurnId: number; pendingTurnId: number | null; sentCalls: number; attempts: number; context: string | null; outsideWindow: boolean; nextAttemptAt: string | null };
const NOTHING_DELIVERED: Delivery = { deliveredTurnId: 0, pendingTurnId: null, sentCalls: 0, attempts: 0, context: null, outsideWindow: false, nextAttemptAt: null };
/** The window is closed and the connection names no tag or template: the platform would refuse the replies. */
type ClosedWindow = Extract<WindowState, { open: false }>;
type Refused = { windowClosed: true; window: ClosedWindow };
const CLOSED_SINCE_FIRST_ATTEMPT: ClosedWindow = { open: false, lastInbound: null, reason: 'the window was closed at the first attempt' };
const contextSchema = z.record(z.string(), z.string());
/** What `pipeline.notify` records for a person's reply from the inbox. */
const agentReplySchema = z.object({ kind: z.literal('notice'), reason: z.literal('agent_reply') }).loose();
const senderOf = (turn: { kind: string; inbound: string }): Sender => (turn.kind === 'notice' && readJson(agentReplySchema, turn.inbound) ? 'agent' : 'bot');

export function createDispatch(deps: DispatchDeps): ChannelDispatch {
  const { store, registry, connections } = deps;
  const { db } = store;
  const clock = deps.now ?? (() => new Date());
  const delays = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
  const queue: KeyedQueue = createKeyedQueue();
  const pending = new Set<Promise<unknown>>();
  const timers = new Map<number, NodeJS.Timeout>();
  /** What the replies to a customer's message need from its request, until that turn is delivered. */
  const contexts = new Map<string, Recipient['context']>();
  let closed = false;
  const windowOf = createWindowCheck(store);
  // Send-rate caps per connection (and per chat where the platform has one), and the pauses platforms ask for.
  const pacer = createPacer(() => clock().getTime());

  const conversationById = db
    .select({ key: conversations.key, id: conversations.id, botId: conversations.botId, channel: conversations.channel, externalKey: conversations.externalKey })
    .from(conversations)
    .where(eq(conversations.id, sql.placeholder('id')))
    .prepare();
  const deliveryOf = db
    .select({
      deliveredTurnId: channelDeliveries.deliveredTurnId,
      pendingTurnId: channelDeliveries.pendingTurnId,
      sentCalls: channelDeliveries.sentCalls,
      attempts: channelDeliveries.attempts,
      context: channelDeliveries.context,
      outsideWindow: channelDeliveries.outsideWindow,
      nextAttemptAt: channelDeliveries.nextAttemptAt,
    })
    .from(channelDeliveries)
    .where(eq(channelDeliveries.conversationKey, sql.placeholder('key')))
    .prepare();
  const nextTurns = db
    .select({ id: turns.id, kind: turns.kind, inbound: turns.inbound, externalId: turns.externalId, replies: turns.replies })
    .from(turns)
    .where(inConversation(sql.placeholder('key'), sql.placeholder('after')))
    .orderBy(asc(turns.id))
    .limit(20)
    .prepare();

  function save(key: number, state: Delivery & { lastError?: string | null }) {
    const values = { ...state, lastError: state.lastError ?? null, updatedAt: clock().toISOString() };
    db.insert(channelDeliveries).values({ conversationKey: key, ...values }).onConflictDoUpdate({ target: channelDeliveries.conversationKey, set: values }).run();
  }

  const log = (message: string) => deps.log?.(message);
  const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

  function track<T>(task: Promise<T>): Promise<T> {
    pending.add(task);
    const settle = () => pending.delete(task);
    task.then(settle, settle);
    return task;
  }

  function schedule(conversation: Conversation, at: number) {
    if (closed || timers.has(conversation.key)) return;
    const timer = setTimeout(() => {
      timers.delete(conversation.key);
      run(conversation);
    }, Math.max(0, at - clock().getTime()));
    timer.unref();
    timers.set(conversation.key, timer);
  }

  function run(conversation: Conversation) {
    if (closed) return;
    // Never rejects: webhooks that trigger a delivery do not wait for it.
    void track(queue.run(String(conversation.key), () => drain(conversation).catch((error: unknown) => log(`${conversation.channel} delivery for conversation ${conversation.id} stopped: ${errorText(error)}`))));
  }

  function failed(conversation: Conversation, turnId: number | null, result: Extract<SendResult, { ok: false }>, attempts: number) {
    log(`${conversation.channel} send to ${conversation.externalKey} (bot ${conversation.botId}) failed: ${result.error.message}`);
    recordChannelEvent(store, {
      botId: conversation.botId,
      channel: conversation.channel,
      customerId: conversation.externalKey,
      name: 'send_failed',
      data: { turnId, message: result.error.message, status: result.error.status ?? null, retryable: result.error.retryable, attempts, sent: result.sent },
      now: clock(),
    });
  }

  /** Replies the platform would refuse are not sent: the conversation shows why, and delivery moves on. */
  function windowClosed(conversation: Conversation, turnId: number, replies: readonly Reply[], window: ClosedWindow) {
    log(`${conversation.channel} replies to ${conversation.externalKey} (bot ${conversation.botId}) not sent: ${window.reason}`);
    recordChannelEvent(store, {
      botId: conversation.botId,
      channel: conversation.channel,
      customerId: conversation.externalKey,
      name: 'window_closed',
      data: { turnId, replies: replies.length, lastInbound: window.lastInbound, reason: window.reason },
      now: clock(),
    });
  }

  /** Delivers the conversation's undelivered turns in order, until one must wait for a retry. */
  async function drain(conversation: Conversation): Promise<void> {
    const channel = registry.get(conversation.channel);
    if (!channel?.pushes) return;
    let state: Delivery = deliveryOf.get({ key: conversation.key }) ?? NOTHING_DELIVERED;
    for (;;) {
      // Stopping: what is left goes out after the next start.
      if (closed) return;
      if (state.nextAttemptAt !== null && Date.parse(state.nextAttemptAt) > clock().getTime()) return schedule(conversation, Date.parse(state.nextAttemptAt));
      const batch = nextTurns.all({ key: conversation.key, after: state.deliveredTurnId });
      if (batch.length === 0) return;
      let skipped = state.deliveredTurnId;
      for (const turn of batch) {
        if (closed) break;
        const replies = readJson(repliesSchema, turn.replies) ?? [];
        // A synchronous channel's answer carried the replies to the customer's own messages.
        if (replies.length === 0 || (channel.answers && CUSTOMER_KIND_SET.has(turn.kind))) {
          skipped = turn.id;
          continue;
        }
        if (skipped !== state.deliveredTurnId) save(conversation.key, (state = { ...NOTHING_DELIVERED, deliveredTurnId: skipped }));
        const retrying = state.pendingTurnId === turn.id;
        // A retry renders the same calls as the first attempt, so it can resume after those that went through.
        const contextKey = `${conversation.id}\u0000${turn.externalId ?? ''}`;
        const context = retrying ? (readJson(contextSchema, state.context) ?? undefined) : turn.externalId === null ? undefined : contexts.get(contextKey);
        contexts.delete(contextKey);
        // A retry keeps its first attempt's way out, so it resumes after the same calls.
        const sender = senderOf(turn);
        const window = windowOf(channel.window, conversation, clock(), sender);
        // A person's reply under the agent allowance goes out the way of the outside (tagged), so its retries do too.
        const outsideWindow = retrying ? state.outsideWindow : !window.open || window.via === 'agent';
        const attempt = { resumeAfter: retrying ? state.sentCalls : 0, deliveryKey: `${conversation.key}:${turn.id}` };
        const outside = outsideWindow ? { closed: window.open ? CLOSED_SINCE_FIRST_ATTEMPT : window, agent: sender === 'agent', agentAllowed: window.open } : undefined;
        const result = await send(conversation, replies, context, attempt, outside);
        if ('windowClosed' in result) {
          windowClosed(conversation, turn.id, replies, result.window);
          save(conversation.key, (state = { ...NOTHING_DELIVERED, deliveredTurnId: turn.id }));
          skipped = turn.id;
          continue;
        }
        const attempts = (retrying ? state.attempts : 0) + 1;
        const backoff = delays[attempts - 1];
        if (!result.ok && result.error.retryable && backoff !== undefined) {
          // A platform that said how long to wait is taken at its word, for all of the connection's chats.
          const { throttle } = result.error;
          const delay = throttle?.retryAfterMs ?? backoff;
          if (throttle) pacer.hold(conversation, throttle.chatOnly === true, clock().getTime() + delay);
          const nextAttemptAt = new Date(clock().getTime() + delay).toISOString();
          state = { deliveredTurnId: state.deliveredTurnId, pendingTurnId: turn.id, sentCalls: result.sent, attempts, context: context ? JSON.stringify(context) : null, outsideWindow, nextAttemptAt };
          save(conversation.key, { ...state, lastError: result.error.message });
          return schedule(conversation, Date.parse(nextAttemptAt));
        }
        if (!result.ok) failed(conversation, turn.id, result, attempts);
        save(conversation.key, (state = { ...NOTHING_DELIVERED, deliveredTurnId: turn.id }));
        skipped = turn.id;
      }
      if (skipped !== state.deliveredTurnId) save(conversation.key, (state = { ...NOTHING_DELIVERED, deliveredTurnId: skipped }));
    }
  }

  /** Sends a turn's replies; outside the service window only the way the connection allows there, if any. */
  async function send(
    conversation: Conversation,
    replies: readonly Reply[],
    context: Recipient['context'],
    attempt: Pick<SendIo, 'resumeAfter' | 'deliveryKey'>,
    outside?: { closed: ClosedWindow; agent: boolean; agentAllowed: boolean },
  ): Promise<SendResult | Refused> {
    const channel = registry.get(conversation.channel);
    const stored = connections.get(conversation.botId, conversation.channel);
    if (!channel || !stored) return { ok: false, sent: 0, error: { message: `bot "${conversation.botId}" has no ${conversation.channel} connection any more`, retryable: false } };
    const bound = channel.bind(stored.config);
    if (!bound.ok) return { ok: false, sent: 0, error: { message: bound.error.message, retryable: false } };
    if (!bound.value.enabled) return { ok: false, sent: 0, error: { message: `the ${channel.title} connection of bot "${conversation.botId}" is switched off`, retryable: false } };
    const to = { customerId: conversation.externalKey, ...(context ? { context } : {}) };
    const { rateLimit } = bound.value;
    const io = { ...deps.io, ...attempt, pace: () => pacer.pace(conversation, rateLimit) };
    try {
      // A person's reply is never sent as the bot's tagged update: with the agent tag, or not at all.
      const { sendAsAgent, sendOutsideWindow } = bound.value;
      if (outside?.agent && sendAsAgent) return outside.agentAllowed ? await sendAsAgent(replies, to, io) : { windowClosed: true, window: outside.closed };
      if (outside) return (await sendOutsideWindow?.(replies, to, io)) ?? { windowClosed: true, window: outside.closed };
      if (!bound.value.send) return { ok: true, sent: 0 };
      return await bound.value.send(replies, to, io);
    } catch (error) {
      // A channel's bug is recorded like a refusal; it would fail the same way again.
      return { ok: false, sent: attempt.resumeAfter ?? 0, error: { message: `the channel failed: ${errorText(error)}`, retryable: false } };
    }
  }

  function find(conversationId: string): Conversation | undefined {
    const conversation = conversationById.get({ id: conversationId });
    return conversation && registry.get(conversation.channel)?.pushes ? conversation : undefined;
  }

  return {
    committed(conversationId, message) {
      const conversation = find(conversationId);
      if (!conversation) return;
      if (message?.messageId !== undefined && message.context) contexts.set(`${conversation.id}\u0000${message.messageId}`, message.context);
      run(conversation);
    },
    sendNow(conversationId, replies, context) {
      const conversation = find(conversationId);
      if (!conversation || closed) return;
      void track(
        queue.run(String(conversation.key), async () => {
          // Overflow of the answer to the customer's message just received: inside the window.
          const result = await send(conversation, replies, context, {});
          if ('ok' in result && !result.ok) failed(conversation, null, result, 1);
        }),
      ).catch((error: unknown) => log(`${conversation.channel} send failed: ${errorText(error)}`));
    },
    recover() {
      const pushing = registry
        .all()
        .filter((channel) => channel.pushes)
        .map((channel) => channel.id);
      if (pushing.length === 0) return;
      const behind = store.sqlite
        .prepare(
          `select c.key as key, c.id as id, c.bot_id as botId, c.channel as channel, c.external_key as externalKey
           from conversations c left join channel_deliveries d on d.conversation_key = c.key
           where c.channel in (${pushing.map(() => '?').join(',')})
             and c.last_turn_id > coalesce(d.delivered_turn_id, 0)`,
        )
        .all(...pushing);
      for (const row of z.array(z.object({ key: z.number(), id: z.string(), botId: z.string(), channel: z.string(), externalKey: z.string() })).parse(behind)) run(row);
    },
    async idle(options) {
      for (;;) {
        if (pending.size > 0) await Promise.allSettled([...pending]);
        else if (options?.retries && timers.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
        else return;
      }
    },
    close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
