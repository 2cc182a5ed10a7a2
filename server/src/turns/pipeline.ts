import { type Inbound, type Reply, type Session, isFromCustomer } from '@parley/shared';
import { type TurnEnv, type TurnResult, enterFlowAt, runTurn } from '@parley/runtime';
import { contactProfile } from '../channels/contacts';
import { type EffectContext, type EffectDeps, performEffect } from '../effects/perform';
import { type Result, fail, notFound, ok } from '../errors';
import { newId } from '../ids';
import type { Directory, LoadedVersion } from './directory';
import type { TurnGuard } from './guards';
import type { TurnCommitter } from './committer';
import { type PreparedTurn, commitTurnWith } from './commit-turn';
import { conversationKey } from './conversation-cache';
import { knownConversations } from './known-conversations';
import type { AnsweredInbound, ConversationAddress, ConversationState, TurnReader } from './load';
import type { KeyedQueue } from './queue';
import { emptyWrites } from './writes';

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
  const commitTurn = commitTurnWith(directory, commit);
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

  /**
   * Runs the flow for one inbound and commits the turn. Not an `async` function, nor are the steps after
   * it up to the web channel's answer: each async layer on this path was one more promise and a few more
   * microtask hops per message (measured together: ~1 µs of the main thread per message).
   * `key` is the address's `conversationKey`, made once per message for the queue, the caches and the contact.
   */
  function runAndCommit(address: ConversationAddress, key: string, state: ConversationState | undefined, inbound: Inbound, externalId: string | null, guard?: TurnGuard): Promise<Result<TurnOutcome>> {
    const now = clock();
    const conversationId = state?.id ?? newId('conv');
    const prior = state?.session && state.session.data.status === 'active' ? state.session : null;
    let version: LoadedVersion;
    if (prior) {
      const lookup = directory.version(prior.flowVersionId);
      if (!lookup.ok) return Promise.resolve(fail({ status: 409, code: 'flow_unavailable', message: lookup.error }));
      version = lookup.version;
    } else {
      const published = publishedVersion(address.botId);
      if (!published.ok) return Promise.resolve(published);
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
    const writes = emptyWrites(first.events);
    const turn: RanTurn = { address, key, state, conversationId, inbound, externalId, guard, now, prior, turnSessionId, writes };
    // Most turns ask for no effect and stay in their flow: the rounds are a function of their own, so
    // that V8's optimized code for every turn does not carry (and recompile) them.
    if (first.switchFlow || first.effects.length > 0) return followThenCommit(turn, first, version, env);
    return commitRan(turn, first, version);
  }

  /** What `runAndCommit` knows of a turn once its flow ran: the commit's fields but its result's. */
  interface RanTurn extends Pick<PreparedTurn, 'address' | 'key' | 'state' | 'conversationId' | 'inbound' | 'externalId' | 'writes' | 'now'> {
    guard: TurnGuard | undefined;
    prior: ConversationState['session'];
    turnSessionId: string;
  }

  async function followThenCommit(turn: RanTurn, first: TurnResult, version: LoadedVersion, env: TurnEnv): Promise<Result<TurnOutcome>> {
    const { address, conversationId, turnSessionId, now, writes } = turn;
    const effectContext = { botId: address.botId, catalogId: directory.catalogOf(address.botId), conversationId, sessionId: turnSessionId, now, writes };
    const followed = await followEffects(first, version, env, effectContext);
    return commitRan(turn, followed.result, followed.version, first);
  }

  /** Commits a turn whose flow ran; `first` is the first run, whose replies and path the later ones added to. */
  function commitRan(turn: RanTurn, result: TurnResult, version: LoadedVersion, first: TurnResult = result): Promise<Result<TurnOutcome>> {
    const { state, conversationId, inbound, writes, guard } = turn;
    const { replies, path } = first;
    // A system event for a conversation with no running session is recorded but starts nothing.
    const startsSession = turn.prior !== null || isFromCustomer(inbound);
    return commitTurn({
      address: turn.address,
      key: turn.key,
      state,
      conversationId,
      inbound,
      externalId: turn.externalId,
      replies,
      session: startsSession ? { id: turn.turnSessionId, flowVersionId: version.id, data: result.session } : (state?.session ?? null),
      writes: { events: writes.events, waitlist: writes.waitlist, handoffs: writes.handoffs, timers: writes.timers, guards: guard ? [guard] : [] },
      now: turn.now,
    }).then((committed) =>
      committed.ok ? ok({ conversationId, replies, repliesJson: committed.value, duplicate: false, path, session: startsSession ? result.session : null }) : committed,
    );
  }

  /** A message id answered before: the stored answer, if it was this conversation's. */
  function answeredBefore(address: ConversationAddress, key: string, externalId: string, answered: AnsweredInbound): Result<TurnOutcome> {
    const state = load(address, key);
    if (state?.id !== answered.conversationId)
      return fail({ status: 409, code: 'duplicate_message_id', field: 'messageId', message: `messageId "${externalId}" was already used in another conversation.` });
    return ok({ conversationId: answered.conversationId, replies: answered.replies, repliesJson: answered.repliesJson, duplicate: true, path: [], session: state.session?.data ?? null });
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
      return queue.run(key, () => {
        if (externalId !== undefined) {
          const answered = reader.answered(address.botId, address.channel, externalId);
          if (answered) return Promise.resolve(answeredBefore(address, key, externalId, answered));
        }
        if (!directory.bot(address.botId)) return Promise.resolve(fail(notFound('Bot', address.botId)));
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
