import { type Inbound, type Reply, type Session, inboundJson, isFromCustomer, isoTime } from '@parley/shared';
import { type TurnEnv, type TurnResult, enterFlowAt, runTurn } from '@parley/runtime';
import { contactProfile } from '../channels/contacts';
import { type EffectContext, type EffectDeps, performEffect } from '../effects/perform';
import { type AppError, type Result, fail, notFound, ok } from '../errors';
import { newId } from '../ids';
import type { Directory, LoadedVersion } from './directory';
import { GuardRefused, type TurnGuard } from './guards';
import type { TurnCommitter } from './committer';
import { conversationKey } from './conversation-cache';
import { knownConversations } from './known-conversations';
import type { ConversationAddress, ConversationState, TurnReader } from './load';
import type { KeyedQueue } from './queue';
import { type TurnWrite, emptyWrites } from './writes';

export interface TurnOutcome {
  conversationId: string;
  replies: Reply[];
  /** The replies as stored: synchronous channels send this text as it is rather than encode them again. */
  repliesJson: string;
  /** True when this message id was answered before: the stored answer, nothing run again. */
  duplicate: boolean;
  /** Node ids entered, in order (the editor draws the path). */
  path: string[];
  session: Session | null;
}

export interface TurnPipeline {
  /** A message from a customer (or any inbound addressed by channel and customer). */
  receive(address: ConversationAddress, inbound: Inbound, externalId?: string): Promise<Result<TurnOutcome>>;
  /** A system event for an existing conversation: payment result, release by an agent, timer. */
  deliver(conversationId: string, inbound: Inbound, guard?: TurnGuard): Promise<Result<TurnOutcome>>;
  /** Sends replies to a conversation from outside its flow (back in stock, a person): recorded, nothing run. */
  notify(conversationId: string, replies: Reply[], notice: { reason: string; by?: string }): Promise<Result<TurnOutcome>>;
}

export interface PipelineDeps {
  directory: Directory;
  reader: TurnReader;
  queue: KeyedQueue;
  commit: TurnCommitter;
  effects: EffectDeps;
  /** Base of links in replies (checkout pages, example assets): the `parley.publicUrl` variable. */
  publicUrl: string;
  now?: () => Date;
}

/** Effects feeding results back into the flow, at most this many rounds per message (a flow calling APIs in a loop). */
const MAX_EFFECT_ROUNDS = 20;
const TOO_MANY_ROUNDS = `more than ${MAX_EFFECT_ROUNDS} rounds of effects in one turn`;


export function createTurnPipeline(deps: PipelineDeps): TurnPipeline {
  const { directory, reader, queue, commit } = deps;
  const clock = deps.now ?? (() => new Date());

  function publishedVersion(botId: string): Result<LoadedVersion> {
    const bot = directory.bot(botId);
    if (!bot) return fail(notFound('Bot', botId));
    if (bot.publishedVersionId === null) return fail({ status: 409, code: 'not_published', message: `Bot "${botId}" has no published version yet: publish its flow first.` });
    const lookup = directory.version(bot.publishedVersionId);
    return lookup.ok ? ok(lookup.version) : fail({ status: 409, code: 'flow_unavailable', message: lookup.error });
  }

  /**
   * Feeds effects' outcomes back into the flow and follows it into other bots, round after round, adding
   * to the first run's replies, events and path. A turn stuck between flows or in effects ends its
   * session visibly rather than leave it waiting for ever.
   */
  async function followEffects(
    first: TurnResult,
    firstVersion: LoadedVersion,
    env: TurnEnv,
    effectContext: EffectContext,
  ): Promise<{ result: TurnResult; version: LoadedVersion }> {
    const { replies, path } = first;
    const { events } = effectContext.writes;
    const absorb = (more: TurnResult) => {
      for (const reply of more.replies) replies.push(reply);
      for (const event of more.events) events.push(event);
      for (const id of more.path) path.push(id);
    };
    let result = first;
    let version = firstVersion;
    let stuck: string | undefined = TOO_MANY_ROUNDS;
    for (let round = 0; round < MAX_EFFECT_ROUNDS; round++) {
      if (result.switchFlow) {
        const target = publishedVersion(result.switchFlow.flowId);
        if (!target.ok) {
          stuck = `cannot go to bot "${result.switchFlow.flowId}": ${target.error.message}`;
          events.push({ type: 'flow.switch_failed', data: { flowId: result.switchFlow.flowId, message: target.error.message } });
          break;
        }
        version = target.value;
        result = enterFlowAt(version.flow, result.session, result.switchFlow.nodeId, env);
        absorb(result);
        continue;
      }
      // Every outcome of this round is fed back; effects they ask for run in the next round.
      const outcomes: Inbound[] = [];
      for (const effect of result.effects) {
        const outcome = await performEffect(effect, effectContext, deps.effects);
        if (outcome) outcomes.push(outcome);
      }
      if (outcomes.length === 0) {
        stuck = undefined;
        break;
      }
      const pending: TurnResult['effects'] = [];
      for (const outcome of outcomes) {
        result = runTurn(version.flow, result.session, outcome, env);
        absorb(result);
        pending.push(...result.effects);
      }
      result = { ...result, effects: pending };
    }
    if (stuck !== undefined) {
      events.push({ type: 'flow.stopped', data: { reason: stuck } });
      result = { ...result, session: { ...result.session, status: 'ended', waitingAt: null, state: null, silent: false } };
    }
    return { result, version };
  }

  // `key` is the address's `conversationKey`, made once per message for the queue, the caches and the contact.
  async function runAndCommit(address: ConversationAddress, key: string, state: ConversationState | undefined, inbound: Inbound, externalId: string | null, guard?: TurnGuard): Promise<Result<TurnOutcome>> {
    const now = clock();
    const conversationId = state?.id ?? newId('conv');
    const prior = state?.session && state.session.data.status === 'active' ? state.session : null;
    let version: LoadedVersion;
    if (prior) {
      const lookup = directory.version(prior.flowVersionId);
      if (!lookup.ok) return fail({ status: 409, code: 'flow_unavailable', message: lookup.error });
      version = lookup.version;
    } else {
      const published = publishedVersion(address.botId);
      if (!published.ok) return published;
      version = published.value;
    }
    const turnSessionId = prior ? prior.id : newId('sess');
    const env: TurnEnv = {
      now,
      products: directory.products(address.botId),
      system: { channel: address.channel, contact: { id: address.externalKey, ...contactProfile(deps.effects.store, address, key) }, conversation: { id: conversationId }, parley: { publicUrl: deps.publicUrl } },
    };
    const first = runTurn(version.flow, prior?.data ?? null, inbound, env);
    // The first run's lists are this turn's own (the engine made them for this call): later runs add to
    // them, and effects add their events in between.
    const { replies, path } = first;
    const writes = emptyWrites(first.events);
    // Most turns ask for no effect and stay in their flow: the rounds below are a function of their own,
    // so that V8's optimized code for every turn does not carry (and recompile) them.
    let result = first;
    if (first.switchFlow || first.effects.length > 0) {
      const effectContext = { botId: address.botId, catalogId: directory.catalogOf(address.botId), conversationId, sessionId: turnSessionId, now, writes };
      const followed = await followEffects(first, version, env, effectContext);
      result = followed.result;
      version = followed.version;
    }

    // A system event for a conversation with no running session is recorded but starts nothing.
    const startsSession = prior !== null || isFromCustomer(inbound);
    const committed = await commitTurn({
      address,
      key,
      state,
      conversationId,
      inbound,
      externalId,
      replies,
      session: startsSession ? { id: turnSessionId, flowVersionId: version.id, data: result.session } : (state?.session ?? null),
      writes: { events: writes.events, waitlist: writes.waitlist, handoffs: writes.handoffs, timers: writes.timers, guards: guard ? [guard] : [] },
      now,
    });
    if (!committed.ok) return committed;
    return ok({ conversationId, replies, repliesJson: committed.value, duplicate: false, path, session: startsSession ? result.session : null });
  }

  interface PreparedTurn {
    address: ConversationAddress;
    key: string;
    state: ConversationState | undefined;
    conversationId: string;
    inbound: Inbound;
    externalId: string | null;
    replies: Reply[];
    /** The session as it stands after the turn. */
    session: ConversationState['session'];
    writes: ReturnType<typeof emptyWrites>;
    now: Date;
  }

  /** Makes a turn durable (group commit), then caches where its conversation stands; answers the replies as JSON. */
  async function commitTurn(turn: PreparedTurn): Promise<Result<string>> {
    const { address, key, state, session, now } = turn;
    const repliesJson = JSON.stringify(turn.replies);
    // Fields named, not `...turn.writes`: adding fields to a spread copy made a new hidden class per turn (Node 20's V8).
    const { events, waitlist, handoffs, timers, guards } = turn.writes;
    const write: TurnWrite = {
      events,
      waitlist,
      handoffs,
      timers,
      guards,
      conversation: { key: state?.key, id: turn.conversationId, botId: address.botId, channel: address.channel, externalKey: address.externalKey },
      turn: {
        sessionId: session?.id ?? null,
        flowVersionId: session?.flowVersionId ?? null,
        kind: turn.inbound.kind,
        inbound: inboundJson(turn.inbound),
        externalId: turn.externalId,
        replies: repliesJson,
        state: session === null ? null : JSON.stringify(session.data),
        createdAt: isoTime(now),
      },
    };
    let conversationKeyInStore: number;
    try {
      conversationKeyInStore = await commit.submit(write);
    } catch (error) {
      directory.conversations.delete(key);
      return fail(commitFailure(error));
    }
    // A settled payment moved stock in that transaction: product nodes must see it from now on.
    if (write.guards.some((g) => g.kind === 'settlePayment')) directory.forgetProducts(address.botId);
    directory.conversations.set(key, {
      key: conversationKeyInStore,
      id: turn.conversationId,
      botId: address.botId,
      channel: address.channel,
      externalKey: address.externalKey,
      session,
    });
    return ok(repliesJson);
  }

  const known = knownConversations(deps.effects.store);

  /** The conversation's committed state: from the cache, else from the store (unless it surely has none). */
  function load(address: ConversationAddress, key: string): ConversationState | undefined {
    const cached = directory.conversations.get(key);
    if (cached) return cached;
    if (!known.mayExist(key)) return undefined;
    const stored = reader.conversation(address);
    if (stored) directory.conversations.set(key, stored);
    return stored;
  }

  return {
    receive(address, inbound, externalId) {
      const key = conversationKey(address);
      return queue.run(key, async () => {
        if (externalId !== undefined) {
          const answered = reader.answered(address.botId, address.channel, externalId);
          if (answered) {
            const state = load(address, key);
            if (state?.id !== answered.conversationId)
              return fail({ status: 409, code: 'duplicate_message_id', field: 'messageId', message: `messageId "${externalId}" was already used in another conversation.` });
            return ok({ conversationId: answered.conversationId, replies: answered.replies, repliesJson: answered.repliesJson, duplicate: true, path: [], session: state.session?.data ?? null });
          }
        }
        if (!directory.bot(address.botId)) return fail(notFound('Bot', address.botId));
        return runAndCommit(address, key, load(address, key), inbound, externalId ?? null);
      });
    },
    async deliver(conversationId, inbound, guard) {
      const address = reader.addressOf(conversationId);
      if (!address) return fail(notFound('Conversation', conversationId));
      const key = conversationKey(address);
      return queue.run(key, () => runAndCommit(address, key, load(address, key), inbound, null, guard));
    },
    async notify(conversationId, replies, notice) {
      const address = reader.addressOf(conversationId);
      if (!address) return fail(notFound('Conversation', conversationId));
      const key = conversationKey(address);
      return queue.run(key, async () => {
        const state = load(address, key);
        const inbound: Inbound = notice.by === undefined ? { kind: 'notice', reason: notice.reason } : { kind: 'notice', reason: notice.reason, by: notice.by };
        const committed = await commitTurn({ address, key, state, conversationId, inbound, externalId: null, replies, session: state?.session ?? null, writes: emptyWrites(), now: clock() });
        if (!committed.ok) return committed;
        return ok({ conversationId, replies, repliesJson: committed.value, duplicate: false, path: [], session: state?.session?.data ?? null });
      });
    },
  };
}

function commitFailure(error: unknown): AppError {
  if (error instanceof GuardRefused) return { status: 409, code: 'conflict', message: error.message };
  // Two new conversations sent the same messageId in the same moment: the store's unique index caught it.
  if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes('turns.external_id'))
    return { status: 409, code: 'duplicate_message_id', field: 'messageId', message: 'This messageId was already used in another conversation.' };
  // Anything else is the store failing (disk full, I/O error, locked for too long): worth an operator's look.
  console.error('Turn commit failed:', error);
  return { status: 503, code: 'store_unavailable', message: 'The message could not be stored; nothing was processed. Please retry.' };
}
