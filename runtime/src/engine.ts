import {
  ENGINE_EVENTS,
  type Effect,
  type Inbound,
  type JsonValue,
  type NodeContext,
  type NodeStep,
  type Product,
  type Reply,
  type Session,
  type TurnEvent,
  type Variables,
  copyRecord,
  isFromCustomer,
  isoTime,
  renderTemplate,
} from '@parley/shared';
import type { CompiledFlow, CompiledNode } from './compile';

export interface TurnEnv {
  now: Date;
  /** The bot's active catalog, for product nodes. */
  products?: readonly Product[];
  /** Variables a new session starts with besides the flow's defaults. */
  initialVars?: Variables;
  /**
   * Read-only variables every node sees on every turn (channel, contact, this server's URL), kept out of
   * the stored session: they come from where the conversation is, not from what the customer said.
   */
  system?: Readonly<Variables>;
}

export interface TurnResult {
  session: Session;
  replies: Reply[];
  events: TurnEvent[];
  effects: Effect[];
  /** Node ids entered during the turn, in order: the editor draws the path taken. */
  path: string[];
  /** Set when a go-to node leaves for another flow: the caller loads it and calls `enterFlowAt`. */
  switchFlow?: { flowId: string; nodeId?: string };
}

/** Mutable state of one turn while it runs; never escapes `runTurn`. */
interface TurnRun {
  flow: CompiledFlow;
  env: TurnEnv;
  session: Session;
  result: TurnResult;
  steps: number;
  ids: number;
  /** System and session variables merged, rebuilt only after a node sets a variable. */
  scope: Readonly<Variables> | undefined;
  ctx: TurnContext | undefined;
  /** Whether `session.vars` is this turn's own object (else it is the prior session's, shared). */
  ownsVars: boolean;
}

const NO_PRODUCTS: readonly Product[] = [];

export function newSession(flow: CompiledFlow, env: TurnEnv): Session {
  const vars: Variables = {};
  for (const variable of flow.flow.variables) if (variable.default !== undefined) vars[variable.name] = variable.default;
  if (env.initialVars) Object.assign(vars, env.initialVars);
  return { status: 'active', waitingAt: null, state: null, silent: false, vars, turns: 0, startedAt: isoTime(env.now) };
}

function scopeOf(run: TurnRun): Readonly<Variables> {
  if (run.scope === undefined) {
    const { system } = run.env;
    run.scope = system ? copyRecord(system, run.session.vars) : run.session.vars;
  }
  return run.scope;
}

/**
 * The context nodes run with. One per turn, pointed at each node in turn: nodes use it only during
 * their call, and a turn runs many nodes. A class, so that the `vars` getter lives once on its
 * prototype: an object literal with its own getter gave every turn's context a hidden class of its own,
 * which V8 keeps in old space until a full collection, and with it, through the getter's closure, the
 * whole turn. Measured with `--trace-gc-nvp` on a loop of turns: 40% of what a turn allocates was
 * promoted out of the young generation; with the class, none.
 */
class TurnContext implements NodeContext {
  nodeId = '';
  readonly now: Date;
  readonly settings: NodeContext['settings'];
  readonly products: readonly Product[];
  readonly faq: NodeContext['faq'];
  readonly #run: TurnRun;

  constructor(run: TurnRun) {
    this.#run = run;
    this.now = run.env.now;
    this.settings = run.flow.flow.settings;
    this.products = run.env.products ?? NO_PRODUCTS;
    this.faq = run.flow.flow.faq;
  }

  // Merged only when a node reads variables: most steps send fixed texts.
  get vars(): Readonly<Variables> {
    return scopeOf(this.#run);
  }

  // Own arrow functions, not methods: nodes may pass them on (`texts.map(ctx.render)`).
  readonly render = (template: string, extra?: Readonly<Variables>): string => {
    if (!template.includes('{{')) return template;
    const run = this.#run;
    if (extra) return renderTemplate(template, scopeOf(run), extra);
    // The session's variables laid over the system ones, as `vars` merges them, without the copy.
    const system = run.env.system;
    return system ? renderTemplate(template, system, run.session.vars) : renderTemplate(template, run.session.vars);
  };

  readonly newId = (prefix: string): string => {
    const run = this.#run;
    return `${prefix}-${this.nodeId}-${run.session.turns}-${run.ids++}`;
  };
}

function context(run: TurnRun, nodeId: string): NodeContext {
  run.ctx ??= new TurnContext(run);
  run.ctx.nodeId = nodeId;
  return run.ctx;
}

function endSession(run: TurnRun, reason: string): void {
  run.session.status = 'ended';
  run.session.waitingAt = null;
  run.session.state = null;
  run.session.silent = false;
  run.result.events.push({ type: ENGINE_EVENTS.sessionEnded, data: { reason } });
}

function failNode(run: TurnRun, nodeId: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  run.result.events.push({ type: ENGINE_EVENTS.nodeError, nodeId, data: { message } });
  endSession(run, 'error');
}

/** Calls a node's code; an exception there is a bug in that node, so it ends the session, not the server. */
function callEnter(run: TurnRun, node: CompiledNode): NodeStep | undefined {
  try {
    return node.bound.enter(context(run, node.node.id));
  } catch (error) {
    failNode(run, node.node.id, error);
    return undefined;
  }
}

function callResume(run: TurnRun, node: CompiledNode, inbound: Inbound, state: JsonValue): NodeStep | undefined {
  try {
    return node.bound.resume(context(run, node.node.id), inbound, state);
  } catch (error) {
    failNode(run, node.node.id, error);
    return undefined;
  }
}

function absorb(run: TurnRun, step: NodeStep): void {
  const { result, session } = run;
  if (step.replies) for (const reply of step.replies) result.replies.push(reply);
  if (step.events) for (const event of step.events) result.events.push(event);
  if (step.effects) for (const effect of step.effects) result.effects.push(effect);
  if (step.set) {
    run.scope = undefined;
    if (!run.ownsVars) {
      // The prior session's variables are never changed: copied on the first write of the turn.
      session.vars = copyRecord(session.vars);
      run.ownsVars = true;
    }
    for (const [name, value] of Object.entries(step.set)) {
      if (value === null) delete session.vars[name];
      else session.vars[name] = value;
    }
  }
}

/** A session's copy as a literal of its fields, for the reason `copyRecord` (shared) gives. */
function copySession(s: Session): Session {
  return { status: s.status, waitingAt: s.waitingAt, state: s.state, silent: s.silent, vars: s.vars, turns: s.turns, startedAt: s.startedAt };
}

/** Runs node after node from `step` (taken at `fromId`) until one waits, the flow ends, or the step limit. */
function advance(run: TurnRun, fromId: string, first: NodeStep | undefined): void {
  let step = first;
  let at = fromId;
  let atNode = run.flow.nodes.get(fromId);
  const limit = run.flow.flow.settings.maxStepsPerTurn;
  while (step) {
    absorb(run, step);
    let targetId: string | undefined;
    switch (step.kind) {
      case 'wait':
        run.session.waitingAt = at;
        run.session.state = step.state ?? null;
        run.session.silent = step.silent ?? false;
        return;
      case 'end':
        endSession(run, 'end');
        return;
      case 'switchFlow':
        run.session.waitingAt = null;
        run.session.state = null;
        run.result.switchFlow = step.nodeId === undefined ? { flowId: step.flowId } : { flowId: step.flowId, nodeId: step.nodeId };
        return;
      case 'jump':
        targetId = step.nodeId;
        break;
      case 'next':
        targetId = atNode?.next.get(step.port);
        if (targetId === undefined) {
          // An unconnected output ends the conversation, as a marketer drawing it expects.
          endSession(run, 'end');
          return;
        }
        break;
    }
    const target = run.flow.nodes.get(targetId);
    if (!target) {
      failNode(run, at, new Error(`goes to node "${targetId}", which does not exist`));
      return;
    }
    if (++run.steps > limit) {
      run.result.events.push({ type: ENGINE_EVENTS.loopStopped, nodeId: target.node.id, data: { steps: limit } });
      endSession(run, 'loop');
      return;
    }
    at = target.node.id;
    atNode = target;
    run.result.path.push(at);
    step = callEnter(run, target);
  }
}

function enterNode(run: TurnRun, nodeId: string): void {
  const node = run.flow.nodes.get(nodeId);
  if (!node) {
    failNode(run, nodeId, new Error(`node "${nodeId}" does not exist`));
    return;
  }
  run.result.path.push(nodeId);
  run.steps++;
  advance(run, nodeId, callEnter(run, node));
}

function startRun(flow: CompiledFlow, session: Session, env: TurnEnv, ownsVars = true): TurnRun {
  return { flow, env, session, steps: 0, ids: 0, scope: undefined, ctx: undefined, ownsVars, result: { session, replies: [], events: [], effects: [], path: [] } };
}

function followTrigger(run: TurnRun, inbound: Inbound): boolean {
  if (inbound.kind !== 'text' && inbound.kind !== 'postback') return false;
  const start = run.flow.nodes.get(run.flow.startId);
  if (!start) return false;
  let port: string | undefined;
  try {
    port = start.bound.triggers(inbound.kind === 'text' ? inbound.text : inbound.payload);
  } catch (error) {
    failNode(run, start.node.id, error);
    return true;
  }
  if (port === undefined) return false;
  run.result.events.push({ type: ENGINE_EVENTS.triggerMatched, nodeId: start.node.id, data: { port } });
  run.session.waitingAt = null;
  run.session.state = null;
  advance(run, start.node.id, { kind: 'next', port });
  return true;
}

/**
 * Runs one inbound message through a flow: from where the conversation waits, node after node,
 * until a node needs the customer again. Pure: the same inputs give the same result, no I/O.
 */
export function runTurn(flow: CompiledFlow, prior: Session | null, inbound: Inbound, env: TurnEnv): TurnResult {
  const active = prior !== null && prior.status === 'active' && prior.waitingAt !== null;
  if (!active) {
    const session = newSession(flow, env);
    const run = startRun(flow, session, env);
    // A payment or timer that arrives after its session ended starts nothing and leaves that session as it was.
    if (!isFromCustomer(inbound)) {
      session.status = 'ended';
      if (prior) run.result.session = prior;
      return run.result;
    }
    run.result.events.push({ type: ENGINE_EVENTS.sessionStarted, nodeId: flow.startId });
    if (!followTrigger(run, inbound)) enterNode(run, flow.startId);
    return run.result;
  }

  const session = copySession(prior);
  session.turns = prior.turns + 1;
  const run = startRun(flow, session, env, false);
  if (inbound.kind === 'released') {
    session.silent = false;
    if (inbound.nodeId !== undefined) {
      session.waitingAt = null;
      enterNode(run, inbound.nodeId);
      return run.result;
    }
  } else if (session.silent && isFromCustomer(inbound)) {
    // A person owns the conversation: the bot neither answers nor reacts to keywords.
    return run.result;
  }
  if (isFromCustomer(inbound) && followTrigger(run, inbound)) return run.result;
  const waitingId = prior.waitingAt ?? flow.startId;
  const waiting = flow.nodes.get(waitingId);
  if (!waiting) {
    // The pinned version always has the node; a missing one means the session was edited by hand.
    failNode(run, waitingId, new Error(`the conversation waits at node "${waitingId}", which this flow does not have`));
    return run.result;
  }
  const state: JsonValue = prior.state;
  advance(run, waitingId, callResume(run, waiting, inbound, state));
  return run.result;
}

/** Continues a session at a node of a (possibly other) flow: a go-to into another flow, or a proactive start. */
export function enterFlowAt(flow: CompiledFlow, prior: Session | null, nodeId: string | undefined, env: TurnEnv): TurnResult {
  let session: Session;
  if (prior) {
    session = copySession(prior);
    session.status = 'active';
    session.vars = copyRecord(prior.vars);
    session.waitingAt = null;
    session.state = null;
  } else session = newSession(flow, env);
  const run = startRun(flow, session, env);
  enterNode(run, nodeId ?? flow.startId);
  return run.result;
}
