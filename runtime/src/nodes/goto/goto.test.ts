import { type Flow, validateFlow } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../registry';
import { testChat, testFlow, texts } from '../../testing';

const messages = (flow: Flow) => validateFlow(flow, builtInCatalog).map((problem) => problem.message);

/** Start → goto with this target. */
const gotoFlow = (target: unknown) =>
  testFlow(
    [
      { id: 'start', type: 'start' },
      { id: 'go', type: 'goto', data: { target } },
    ],
    [['start', null, 'go']],
  );

describe('goto node', () => {
  const menuLoop = testFlow(
    [
      { id: 'start', type: 'start' },
      { id: 'menu', type: 'buttons', data: { text: 'Menu', buttons: [{ id: 'again', title: 'Again' }, { id: 'done', title: 'Done' }] } },
      { id: 'more', type: 'message', data: { text: 'One more time' } },
      { id: 'back', type: 'goto', data: { target: { kind: 'node', nodeId: 'menu' } } },
      { id: 'bye', type: 'message', data: { text: 'Bye' } },
    ],
    [
      ['start', null, 'menu'],
      ['menu', 'again', 'more'],
      ['more', null, 'back'],
      ['menu', 'done', 'bye'],
    ],
  );

  it('jumps back to an earlier buttons node, which asks again', () => {
    const chat = testChat(menuLoop);
    expect(texts(chat.say('hi'))).toEqual(['Menu']);
    expect(texts(chat.tap('again'))).toEqual(['One more time', 'Menu']);
    expect(chat.last?.path).toEqual(['more', 'back', 'menu']);
    expect(chat.session?.waitingAt).toBe('menu');
    expect(texts(chat.tap('done'))).toEqual(['Bye']);
    expect(messages(menuLoop)).toEqual([]);
  });

  it('leaves for another bot, at a given step or at its start', () => {
    const chat = testChat(gotoFlow({ kind: 'flow', flowId: 'returns-bot', flowNodeId: 'ask-order' }));
    chat.say('hi');
    expect(chat.last?.switchFlow).toEqual({ flowId: 'returns-bot', nodeId: 'ask-order' });
    expect(chat.session?.status).toBe('active');
    const toStart = testChat(gotoFlow({ kind: 'flow', flowId: 'returns-bot' }));
    toStart.say('hi');
    expect(toStart.last?.switchFlow).toEqual({ flowId: 'returns-bot' });
  });

  it('checks that a step target exists, but not steps of another bot', () => {
    expect(messages(gotoFlow({ kind: 'node', nodeId: 'nowhere' }))).toEqual(['Node Go to (go) goes to node "nowhere", which does not exist.']);
    expect(messages(gotoFlow({ kind: 'flow', flowId: 'returns-bot', flowNodeId: 'nowhere' }))).toEqual([]);
  });

  it('counts its jump when looking for loops that never wait', () => {
    const loop = testFlow(
      [
        { id: 'start', type: 'start' },
        { id: 'hello', type: 'message', data: { text: 'Hello' } },
        { id: 'again', type: 'goto', data: { target: { kind: 'node', nodeId: 'hello' } } },
      ],
      [
        ['start', null, 'hello'],
        ['hello', null, 'again'],
      ],
    );
    expect(validateFlow(loop, builtInCatalog).map((problem) => problem.code)).toEqual(['loop-without-wait']);
  });

  it('explains a missing target', () => {
    expect(messages(gotoFlow(undefined))).toEqual(['Node Go to (go): target: choose where to go: a step of this bot or another bot.']);
    expect(messages(gotoFlow({ kind: 'node', nodeId: '' }))).toEqual(['Node Go to (go): target.nodeId: pick the step to go to.']);
  });
});
