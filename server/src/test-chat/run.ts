import { type Inbound, type Reply, type TurnEvent, isFromCustomer } from '@parley/shared';
import { type CompiledFlow, type TurnEnv, type TurnResult, enterFlowAt, runTurn } from '@parley/runtime';
import type { Directory } from '../turns/directory';
import type { TestChatState } from './chats';
import { settles, simulateEffect } from './effects';

export interface TestTurnDeps {
  directory: Directory;
  fetch: typeof fetch;
  publicUrl: string;
}

export interface TestTurn {
  state: TestChatState;
  replies: Reply[];
  events: TurnEvent[];
  /** Nodes of the draft this turn went through, from the one it waited at (not those of another bot after a Go to). */
  path: string[];
}

/** Effects feeding results back, at most this many rounds per message, as in the real pipeline. */
const MAX_ROUNDS = 20;

/**
 * One turn of a test conversation on a bot's draft, through the real engine (`runTurn`), with the
 * server's effect loop; only payments, hand-offs and timers are left for the author to trigger.
 */
export async function runTestTurn(deps: TestTurnDeps, input: { botId: string; chatId: string; draft: CompiledFlow; state: TestChatState | undefined; inbound: Inbound; now: Date }): Promise<TestTurn> {
  const { botId, chatId, draft, now } = input;
  const prior = input.state?.session?.status === 'active' ? input.state : undefined;
  let flow = draft;
  let elsewhere = prior?.elsewhere ?? null;
  let session = prior?.session ?? null;
  if (elsewhere) {
    const lookup = deps.directory.version(elsewhere.versionId);
    if (lookup.ok) flow = lookup.version.flow;
    else {
      // That bot's version is gone: the conversation starts again on the draft.
      elsewhere = null;
      session = null;
    }
  }
  let pending = prior ? [...prior.pending] : [];
  let inbound = input.inbound;
  // A timer fires with the data it was set with, as the scheduler delivers it.
  const firedTimer = inbound.kind === 'timer' ? inbound.timerId : undefined;
  const timer = pending.find((item) => item.kind === 'timer' && item.timerId === firedTimer);
  if (firedTimer !== undefined && timer?.kind === 'timer') inbound = { kind: 'timer', timerId: firedTimer, data: timer.data };
  pending = pending.filter((item) => !settles(item, inbound));

  const env = (): TurnEnv => ({
    now,
    products: deps.directory.products(elsewhere?.botId ?? botId),
    system: { channel: 'test', contact: { id: chatId }, conversation: { id: chatId }, parley: { publicUrl: deps.publicUrl } },
  });
  const replies: Reply[] = [];
  const events: TurnEvent[] = [];
  // The path starts where the conversation waited, so the editor draws the edge it left by.
  const path: string[] = elsewhere === null && session?.status === 'active' && session.waitingAt ? [session.waitingAt] : [];
  const absorb = (result: TurnResult) => {
    replies.push(...result.replies);
    events.push(...result.events);
    if (elsewhere === null) path.push(...result.path);
  };

  let result = runTurn(flow, session, inbound, env());
  absorb(result);
  let stuck: string | undefined = `more than ${MAX_ROUNDS} rounds of effects in one turn`;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (result.switchFlow) {
      const target = deps.directory.bot(result.switchFlow.flowId);
      const lookup = target?.publishedVersionId ? deps.directory.version(target.publishedVersionId) : undefined;
      if (!target || !lookup?.ok || target.publishedVersionId === null) {
        stuck = `cannot go to bot "${result.switchFlow.flowId}": it does not exist or has no published version`;
        events.push({ type: 'flow.switch_failed', data: { flowId: result.switchFlow.flowId } });
        break;
      }
      elsewhere = { botId: target.id, versionId: target.publishedVersionId };
      flow = lookup.version.flow;
      result = enterFlowAt(flow, result.session, result.switchFlow.nodeId, env());
      absorb(result);
      continue;
    }
    const outcomes: Inbound[] = [];
    for (const [i, effect] of result.effects.entries()) {
      const simulated = await simulateEffect(effect, deps.fetch, `test-${chatId}-${result.session.turns}-${round}-${i}`);
      if (simulated.outcome) outcomes.push(simulated.outcome);
      if (simulated.pending) pending.push(simulated.pending);
      if (simulated.event) events.push(simulated.event);
    }
    if (outcomes.length === 0) {
      stuck = undefined;
      break;
    }
    const effects: TurnResult['effects'] = [];
    for (const outcome of outcomes) {
      result = runTurn(flow, result.session, outcome, env());
      absorb(result);
      effects.push(...result.effects);
    }
    result = { ...result, effects };
  }
  if (stuck !== undefined) {
    events.push({ type: 'flow.stopped', data: { reason: stuck } });
    result = { ...result, session: { ...result.session, status: 'ended', waitingAt: null, state: null, silent: false } };
  }
  // A system event with no conversation going on starts nothing.
  const nextSession = prior || isFromCustomer(inbound) ? result.session : (input.state?.session ?? null);
  const ended = nextSession === null || nextSession.status === 'ended';
  return { state: { session: nextSession, elsewhere: ended ? null : elsewhere, pending: ended ? [] : pending }, replies, events, path };
}
