import { ENGINE_EVENTS } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { testChat, testFlow, texts } from './testing';
import { catalog, withSettings, pingPong } from './engine.fixtures';

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
