import { describe, expect, it } from 'vitest';
import { testChat, testFlow, texts } from '../../testing';

const flow = testFlow(
  [
    { id: 'start', type: 'start', data: { triggers: [{ id: 'menu', label: 'Menu', keywords: ['menu', 'Menú'] }, { id: 'agent', label: 'Agent', keywords: ['agent', 'human'] }] } },
    { id: 'q', type: 'buttons', data: { text: 'Pick', buttons: [{ id: 'a', title: 'A' }] } },
    { id: 'menu', type: 'message', data: { text: 'Main menu' } },
    { id: 'agent', type: 'message', data: { text: 'Connecting you to a person' } },
  ],
  [
    ['start', 'next', 'q'],
    ['start', 'menu', 'menu'],
    ['start', 'agent', 'agent'],
    ['menu', null, 'q'],
  ],
);

describe('start node', () => {
  it('begins every new conversation', () => {
    const chat = testChat(flow);
    expect(texts(chat.say('hello'))).toEqual(['Pick']);
    expect(chat.last?.events.map((e) => e.type)).toContain('session.started');
  });

  it('keywords redirect from anywhere, ignoring case and accents', () => {
    const chat = testChat(flow);
    chat.say('hello');
    expect(texts(chat.say('MENU'))).toEqual(['Main menu', 'Pick']);
    expect(texts(chat.say('menu'))).toEqual(['Main menu', 'Pick']);
    expect(texts(chat.say('Human'))).toEqual(['Connecting you to a person']);
  });

  it('a keyword as the very first message follows its output', () => {
    const chat = testChat(flow);
    expect(texts(chat.say('agent'))).toEqual(['Connecting you to a person']);
  });
});
