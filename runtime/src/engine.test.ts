import {
  type Flow,
  type Inbound,
  type NodeCatalog,
  type NodeType,
  type Session,
  ENGINE_EVENTS,
  defineNodeType,
  end,
  jsonValueSchema,
  next,
  wait,
} from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type CompiledFlow, compileFlow } from './compile';
import { type TurnEnv, enterFlowAt, runTurn } from './engine';
import { testChat, testFlow, texts } from './testing';

// Custom node types, written as a developer would: they also prove the public node shape works end to end.
const startType = defineNodeType({
  type: 'go',
  title: 'Go',
  category: 'Custom',
  description: 'Start here; "restart" starts over.',
  config: z.object({ explode: z.boolean().default(false) }),
  ports: [
    { id: 'next', label: 'Next' },
    { id: 'restart', label: 'Restart' },
  ],
  waitsForCustomer: false,
  isStart: true,
  enter: () => next('next'),
  triggers: (data, text) => {
    if (data.explode) throw new Error('trigger bug');
    return text === 'restart' ? 'restart' : undefined;
  },
});

const sayType = defineNodeType({
  type: 'say',
  title: 'Say',
  category: 'Custom',
  description: 'Says a text.',
  config: z.object({ text: z.string() }),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: false,
  enter: (data, ctx) => next('next', { replies: [{ type: 'text', text: ctx.render(data.text) }] }),
});

const setType = defineNodeType({
  type: 'set',
  title: 'Set',
  category: 'Custom',
  description: 'Sets variables; null clears one.',
  config: z.object({ values: z.record(z.string(), jsonValueSchema) }),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: false,
  enter: (data) => next('next', { set: data.values }),
});

/** Reports which variables it sees, so a test can tell what the previous node left. */
const peekType = defineNodeType({
  type: 'peek',
  title: 'Peek',
  category: 'Custom',
  description: 'Says the names of the variables it sees.',
  config: z.object({}),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: false,
  enter: (_data, ctx) => next('next', { replies: [{ type: 'text', text: Object.keys(ctx.vars).sort().join(',') }] }),
});

const boomType = defineNodeType({
  type: 'boom',
  title: 'Boom',
  category: 'Custom',
  description: 'A node with a bug.',
  config: z.object({ onResume: z.boolean().default(false) }),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: true,
  enter: (data) => {
    if (data.onResume) return wait({ armed: true });
    throw new Error('kaboom');
  },
  resume: () => {
    throw new TypeError('resume kaboom');
  },
});

/** Waits for any customer message, then goes on; an `effect` id asks the server for work first. */
const holdType = defineNodeType({
  type: 'hold',
  title: 'Hold',
  category: 'Custom',
  description: 'Waits for the customer.',
  config: z.object({ prompt: z.string().default('Say something') }),
  state: z.object({ effectId: z.string() }),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: true,
  enter: (data, ctx) => {
    const effectId = ctx.newId('fx');
    return wait(
      { effectId },
      { replies: [{ type: 'text', text: data.prompt }], effects: [{ kind: 'timer', id: effectId, at: ctx.now.toISOString() }], events: [{ type: 'hold.waiting', nodeId: ctx.nodeId }] },
    );
  },
  resume: (_data, _ctx, input, state) =>
    next('next', { set: { heard: input.kind === 'text' ? input.text : input.kind, nested: { effect: state?.effectId ?? null, list: [1, 2] } } }),
});

/** Hands the conversation to a person: the bot goes silent until released. */
const handoffType = defineNodeType({
  type: 'handoff',
  title: 'Hand-off',
  category: 'Custom',
  description: 'A person takes over.',
  config: z.object({}),
  ports: [{ id: 'next', label: 'Back to bot' }],
  waitsForCustomer: true,
  enter: () => wait(null, { silent: true, replies: [{ type: 'handoff', text: 'A person will answer' }] }),
  resume: (_data, _ctx, input) => next('next', { replies: [{ type: 'text', text: `resumed by ${input.kind}` }] }),
});

const gotoType = defineNodeType({
  type: 'goto',
  title: 'Go to',
  category: 'Custom',
  description: 'Jumps to another node.',
  config: z.object({ target: z.string() }),
  ports: [],
  links: ['target'],
  waitsForCustomer: false,
  enter: (data) => ({ kind: 'jump', nodeId: data.target }),
});

const stopType = defineNodeType({
  type: 'stop',
  title: 'Stop',
  category: 'Custom',
  description: 'Ends.',
  config: z.object({}),
  ports: [],
  waitsForCustomer: false,
  enter: () => end({ replies: [{ type: 'text', text: 'bye' }] }),
});

const types: NodeType[] = [startType, sayType, setType, peekType, boomType, holdType, handoffType, gotoType, stopType];
const catalog: NodeCatalog = new Map(types.map((type) => [type.type, type]));

const NOW = new Date('2026-03-02T10:00:00Z');
const env: TurnEnv = { now: NOW };

function withSettings(flow: Flow, settings: Partial<Flow['settings']>): Flow {
  return { ...flow, settings: { ...flow.settings, ...settings } };
}

function compiled(flow: Flow): CompiledFlow {
  const result = compileFlow(flow, catalog);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.flow;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

const pingPong = testFlow(
  [
    { id: 'start', type: 'go' },
    { id: 'a', type: 'say', data: { text: 'ping' } },
    { id: 'b', type: 'say', data: { text: 'pong' } },
  ],
  [
    ['start', null, 'a'],
    ['a', null, 'b'],
    ['b', null, 'a'],
  ],
);

describe('engine: loops that never wait', () => {
  it('stops after settings.maxStepsPerTurn with flow.loop_stopped and ends the session', () => {
    const chat = testChat(withSettings(pingPong, { maxStepsPerTurn: 10 }), { catalog });
    const result = chat.send({ kind: 'text', text: 'hi' });
    expect(result.path).toHaveLength(10);
    expect(result.path.slice(0, 4)).toEqual(['start', 'a', 'b', 'a']);
    expect(result.replies).toHaveLength(9);
    const stopped = result.events.filter((e) => e.type === ENGINE_EVENTS.loopStopped);
    // Stopped as it was about to enter the 11th node.
    expect(result.path.at(-1)).toBe('a');
    expect(stopped).toEqual([{ type: ENGINE_EVENTS.loopStopped, nodeId: 'b', data: { steps: 10 } }]);
    expect(result.events.at(-1)).toEqual({ type: ENGINE_EVENTS.sessionEnded, data: { reason: 'loop' } });
    expect(chat.session).toMatchObject({ status: 'ended', waitingAt: null });
  });

  it('uses the default limit of 200 steps', () => {
    const chat = testChat(pingPong, { catalog });
    const result = chat.send({ kind: 'text', text: 'hi' });
    expect(result.path).toHaveLength(200);
    expect(chat.session?.status).toBe('ended');
  });

  it('stops a go-to node that jumps to itself', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'go' },
        { id: 'jump', type: 'goto', data: { target: 'jump' } },
      ],
      [['start', null, 'jump']],
    );
    const chat = testChat(withSettings(flow, { maxStepsPerTurn: 25 }), { catalog });
    const result = chat.send({ kind: 'text', text: 'hi' });
    expect(result.path).toHaveLength(25);
    expect(result.events.map((e) => e.type)).toContain(ENGINE_EVENTS.loopStopped);
    expect(chat.session?.status).toBe('ended');
  });

  it('stops a loop entered on a resumed turn too', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'go' },
        { id: 'hold', type: 'hold' },
        { id: 'a', type: 'say', data: { text: 'ping' } },
        { id: 'b', type: 'say', data: { text: 'pong' } },
      ],
      [
        ['start', null, 'hold'],
        ['hold', null, 'a'],
        ['a', null, 'b'],
        ['b', null, 'a'],
      ],
    );
    const chat = testChat(withSettings(flow, { maxStepsPerTurn: 10 }), { catalog });
    chat.say('hi');
    const result = chat.send({ kind: 'text', text: 'go' });
    expect(result.path).toHaveLength(10);
    expect(result.events.map((e) => e.type)).toContain(ENGINE_EVENTS.loopStopped);
    expect(chat.session?.status).toBe('ended');
  });
});

describe('engine: a node that throws', () => {
  it('emits node.error and ends the session, keeping what earlier nodes said', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'go' },
        { id: 'hi', type: 'say', data: { text: 'Hello' } },
        { id: 'bug', type: 'boom' },
        { id: 'after', type: 'say', data: { text: 'never' } },
      ],
      [
        ['start', null, 'hi'],
        ['hi', null, 'bug'],
        ['bug', null, 'after'],
      ],
    );
    const chat = testChat(flow, { catalog });
    let result: ReturnType<typeof chat.send> | undefined;
    expect(() => {
      result = chat.send({ kind: 'text', text: 'hi' });
    }).not.toThrow();
    expect(texts(result?.replies ?? [])).toEqual(['Hello']);
    expect(result?.path).toEqual(['start', 'hi', 'bug']);
    expect(result?.events).toContainEqual({ type: ENGINE_EVENTS.nodeError, nodeId: 'bug', data: { message: 'kaboom' } });
    expect(result?.events.at(-1)).toEqual({ type: ENGINE_EVENTS.sessionEnded, data: { reason: 'error' } });
    expect(chat.session).toMatchObject({ status: 'ended', waitingAt: null, state: null });
  });

  it('does the same when resume throws', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'go' },
        { id: 'bug', type: 'boom', data: { onResume: true } },
      ],
      [['start', null, 'bug']],
    );
    const chat = testChat(flow, { catalog });
    chat.say('hi');
    expect(chat.session?.waitingAt).toBe('bug');
    const result = chat.send({ kind: 'text', text: 'again' });
    expect(result.events).toContainEqual({ type: ENGINE_EVENTS.nodeError, nodeId: 'bug', data: { message: 'resume kaboom' } });
    expect(chat.session?.status).toBe('ended');
  });

  it("does the same when a Start node's keyword check throws", () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'go', data: { explode: true } },
        { id: 'hold', type: 'hold' },
      ],
      [['start', null, 'hold']],
    );
    const chat = testChat(flow, { catalog });
    let result: ReturnType<typeof chat.send> | undefined;
    expect(() => {
      result = chat.send({ kind: 'text', text: 'hi' });
    }).not.toThrow();
    expect(result?.events).toContainEqual({ type: ENGINE_EVENTS.nodeError, nodeId: 'start', data: { message: 'trigger bug' } });
    expect(chat.session?.status).toBe('ended');
  });
});

describe('engine: variables', () => {
  it('are visible to the next node in the same turn, and null clears one', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'go' },
        { id: 'set', type: 'set', data: { values: { name: 'Ana', skin: 'dry', order: { total: 22 } } } },
        { id: 'say', type: 'say', data: { text: '{{name}} has {{skin}} skin, total {{order.total}}' } },
        { id: 'clear', type: 'set', data: { values: { skin: null } } },
        { id: 'peek', type: 'peek' },
        { id: 'again', type: 'say', data: { text: 'skin={{skin | unknown}}' } },
        { id: 'hold', type: 'hold' },
      ],
      [
        ['start', null, 'set'],
        ['set', null, 'say'],
        ['say', null, 'clear'],
        ['clear', null, 'peek'],
        ['peek', null, 'again'],
        ['again', null, 'hold'],
      ],
    );
    const chat = testChat(flow, { catalog });
    expect(texts(chat.say('hi'))).toEqual(['Ana has dry skin, total 22', 'name,order', 'skin=unknown', 'Say something']);
    expect(chat.vars).toEqual({ name: 'Ana', order: { total: 22 } });
    expect('skin' in chat.vars).toBe(false);
  });

  it('start from the flow defaults and the initial variables, and last across turns', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'go' },
        { id: 'hold', type: 'hold' },
        { id: 'say', type: 'say', data: { text: '{{greeting}} {{contact.name}}, you said {{heard}}' } },
      ],
      [
        ['start', null, 'hold'],
        ['hold', null, 'say'],
      ],
      { variables: [{ name: 'greeting', default: 'Hello' }] },
    );
    const chat = testChat(flow, { catalog, initialVars: { contact: { name: 'Ana' } } });
    chat.say('hi');
    expect(chat.vars).toEqual({ greeting: 'Hello', contact: { name: 'Ana' } });
    expect(texts(chat.say('blue'))).toEqual(['Hello Ana, you said blue']);
  });
});

describe('engine: system events without an active session', () => {
  const flow = testFlow(
    [
      { id: 'start', type: 'go' },
      { id: 'hi', type: 'say', data: { text: 'Hello' } },
      { id: 'hold', type: 'hold' },
    ],
    [
      ['start', null, 'hi'],
      ['hi', null, 'hold'],
    ],
  );
  const systemInbounds: Inbound[] = [
    { kind: 'payment', paymentId: 'pay-1', status: 'paid' },
    { kind: 'timer', timerId: 't-1' },
    { kind: 'effect', effectId: 'fx-1', ok: true },
  ];

  it('a payment, timer or effect result with no session starts nothing', () => {
    for (const inbound of systemInbounds) {
      const result = runTurn(compiled(flow), null, inbound, env);
      expect(result.replies).toEqual([]);
      expect(result.events).toEqual([]);
      expect(result.effects).toEqual([]);
      expect(result.path).toEqual([]);
      expect(result.session.status).toBe('ended');
    }
  });

  it('a late payment or timer leaves an ended session as it was', () => {
    const chat = testChat(
      testFlow(
        [
          { id: 'start', type: 'go' },
          { id: 'set', type: 'set', data: { values: { name: 'Ana' } } },
          { id: 'bye', type: 'stop' },
        ],
        [
          ['start', null, 'set'],
          ['set', null, 'bye'],
        ],
      ),
      { catalog },
    );
    chat.say('hi');
    const ended = chat.session;
    expect(ended).toMatchObject({ status: 'ended', vars: { name: 'Ana' } });
    for (const inbound of systemInbounds) {
      const result = chat.send(inbound);
      expect(result.replies).toEqual([]);
      expect(result.events).toEqual([]);
      expect(result.path).toEqual([]);
      expect(result.session).toEqual(ended);
    }
  });
});

describe('engine: silent waiting (a person owns the conversation)', () => {
  const flow = testFlow(
    [
      { id: 'start', type: 'go' },
      { id: 'human', type: 'handoff' },
      { id: 'back', type: 'say', data: { text: 'The bot is back' } },
      { id: 'elsewhere', type: 'say', data: { text: 'Continuing elsewhere' } },
      { id: 'hold', type: 'hold' },
    ],
    [
      ['start', null, 'human'],
      ['human', null, 'back'],
      ['back', null, 'hold'],
      ['start', 'restart', 'back'],
      ['elsewhere', null, 'hold'],
    ],
  );

  it('ignores customer text and keywords, with no replies', () => {
    const chat = testChat(flow, { catalog });
    expect(chat.say('hi')).toEqual([{ type: 'handoff', text: 'A person will answer' }]);
    expect(chat.session).toMatchObject({ status: 'active', waitingAt: 'human', silent: true });
    for (const text of ['hello?', 'restart']) {
      const result = chat.send({ kind: 'text', text });
      expect(result.replies).toEqual([]);
      expect(result.path).toEqual([]);
      expect(result.events).toEqual([]);
      expect(chat.session).toMatchObject({ status: 'active', waitingAt: 'human', silent: true });
    }
    expect(chat.tap('anything')).toEqual([]);
  });

  it('a release naming a node continues there, no longer silent', () => {
    const chat = testChat(flow, { catalog });
    chat.say('hi');
    const result = chat.send({ kind: 'released', nodeId: 'elsewhere', by: 'agent@shop.test' });
    expect(texts(result.replies)).toEqual(['Continuing elsewhere', 'Say something']);
    expect(result.path).toEqual(['elsewhere', 'hold']);
    expect(chat.session).toMatchObject({ status: 'active', waitingAt: 'hold', silent: false });
    expect(texts(chat.say('now I talk'))).toEqual([]);
    expect(chat.vars.heard).toBe('now I talk');
  });

  it('a release without a node resumes the waiting node', () => {
    const chat = testChat(flow, { catalog });
    chat.say('hi');
    const result = chat.send({ kind: 'released' });
    expect(texts(result.replies)).toEqual(['resumed by released', 'The bot is back', 'Say something']);
    expect(chat.session).toMatchObject({ waitingAt: 'hold', silent: false });
  });
});

describe('engine: path and turns', () => {
  const flow = testFlow(
    [
      { id: 'start', type: 'go' },
      { id: 'hi', type: 'say', data: { text: 'Hi' } },
      { id: 'hold', type: 'hold' },
      { id: 'jump', type: 'goto', data: { target: 'bye' } },
      { id: 'bye', type: 'stop' },
      { id: 'menu', type: 'say', data: { text: 'Menu' } },
    ],
    [
      ['start', null, 'hi'],
      ['hi', null, 'hold'],
      ['hold', null, 'jump'],
      ['start', 'restart', 'menu'],
      ['menu', null, 'hold'],
    ],
  );

  it('lists the nodes entered, in order', () => {
    const chat = testChat(flow, { catalog });
    const first = chat.send({ kind: 'text', text: 'hi' });
    expect(first.path).toEqual(['start', 'hi', 'hold']);
    expect(first.events.map((e) => e.type)).toEqual([ENGINE_EVENTS.sessionStarted, 'hold.waiting']);
    expect(first.effects).toEqual([{ kind: 'timer', id: 'fx-hold-0-0', at: NOW.toISOString() }]);
    const second = chat.send({ kind: 'text', text: 'ok' });
    expect(second.path).toEqual(['jump', 'bye']);
    expect(chat.vars.nested).toEqual({ effect: 'fx-hold-0-0', list: [1, 2] });
    expect(chat.session).toMatchObject({ status: 'ended', turns: 1 });
  });

  it('a keyword follows its Start output from anywhere', () => {
    const chat = testChat(flow, { catalog });
    chat.say('hi');
    const result = chat.send({ kind: 'text', text: 'restart' });
    expect(result.path).toEqual(['menu', 'hold']);
    expect(result.events[0]).toEqual({ type: ENGINE_EVENTS.triggerMatched, nodeId: 'start', data: { port: 'restart' } });
    expect(texts(result.replies)).toEqual(['Menu', 'Say something']);
  });
});

describe('enterFlowAt', () => {
  const other = compiled(
    testFlow(
      [
        { id: 'start', type: 'go' },
        { id: 'intro', type: 'say', data: { text: 'Intro' } },
        { id: 'greet', type: 'say', data: { text: 'Welcome back {{name}}' } },
        { id: 'hold', type: 'hold' },
      ],
      [
        ['start', null, 'intro'],
        ['intro', null, 'hold'],
        ['greet', null, 'hold'],
      ],
      { variables: [{ name: 'name', default: 'stranger' }] },
    ),
  );
  const prior: Session = deepFreeze({
    status: 'active',
    waitingAt: null,
    state: null,
    silent: false,
    vars: { name: 'Ana', cart: ['tint'] },
    turns: 3,
    startedAt: '2026-03-01T09:00:00.000Z',
  });

  it("continues a session's variables at the given node", () => {
    const result = enterFlowAt(other, prior, 'greet', env);
    expect(texts(result.replies)).toEqual(['Welcome back Ana', 'Say something']);
    expect(result.path).toEqual(['greet', 'hold']);
    expect(result.session).toMatchObject({ status: 'active', waitingAt: 'hold', turns: 3, startedAt: prior.startedAt, vars: { name: 'Ana', cart: ['tint'] } });
    expect(prior.waitingAt).toBeNull();
  });

  it('goes to Start when no node is named, and starts fresh without a session', () => {
    expect(enterFlowAt(other, prior, undefined, env).path).toEqual(['start', 'intro', 'hold']);
    const fresh = enterFlowAt(other, null, 'greet', env);
    expect(texts(fresh.replies)).toEqual(['Welcome back stranger', 'Say something']);
    expect(fresh.session.startedAt).toBe(NOW.toISOString());
  });

  it('fails safely on a node the flow does not have', () => {
    const result = enterFlowAt(other, prior, 'nope', env);
    expect(result.events).toContainEqual({ type: ENGINE_EVENTS.nodeError, nodeId: 'nope', data: { message: 'node "nope" does not exist' } });
    expect(result.session.status).toBe('ended');
  });
});

describe('runTurn is pure', () => {
  const flow = compiled(
    testFlow(
      [
        { id: 'start', type: 'go' },
        { id: 'hold', type: 'hold' },
        { id: 'set', type: 'set', data: { values: { count: 2, tags: ['a'] } } },
        { id: 'say', type: 'say', data: { text: '{{heard}} x{{count}}' } },
        { id: 'again', type: 'hold' },
      ],
      [
        ['start', null, 'hold'],
        ['hold', null, 'set'],
        ['set', null, 'say'],
        ['say', null, 'again'],
      ],
      { variables: [{ name: 'profile', default: { tier: 'gold' } }] },
    ),
  );

  it('gives deep-equal results for the same inputs, and never changes the input session', () => {
    const first = runTurn(flow, null, { kind: 'text', text: 'hi' }, env);
    expect(runTurn(flow, null, { kind: 'text', text: 'hi' }, env)).toEqual(first);

    const prior = deepFreeze(structuredClone(first.session));
    const snapshot = structuredClone(prior);
    const inbound: Inbound = deepFreeze({ kind: 'text', text: 'blue' });
    const a = runTurn(flow, prior, inbound, env);
    const b = runTurn(flow, prior, inbound, env);
    expect(a).toEqual(b);
    expect(a.session).not.toBe(prior);
    expect(prior).toEqual(snapshot);
    expect(texts(a.replies)).toEqual(['blue x2', 'Say something']);
    expect(a.session).toMatchObject({ waitingAt: 'again', turns: 1, vars: { profile: { tier: 'gold' }, heard: 'blue', count: 2, tags: ['a'] } });
  });

  it('does not share mutable state with the flow or the environment', () => {
    const initialVars = deepFreeze({ contact: { name: 'Ana' } });
    const first = runTurn(flow, null, { kind: 'text', text: 'hi' }, { now: NOW, initialVars });
    const second = runTurn(flow, first.session, { kind: 'text', text: 'x' }, { now: NOW, initialVars });
    expect(second.session.vars.contact).toEqual({ name: 'Ana' });
    // The flow's own default is untouched after turns ran.
    expect(flow.flow.variables).toEqual([{ name: 'profile', default: { tier: 'gold' } }]);
  });
});
