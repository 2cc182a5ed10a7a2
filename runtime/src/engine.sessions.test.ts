import { type Inbound, type Session, ENGINE_EVENTS } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { enterFlowAt, runTurn } from './engine';
import { testChat, testFlow, texts } from './testing';
import { catalog, NOW, env, compiled, deepFreeze } from './engine.fixtures';

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
