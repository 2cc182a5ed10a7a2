import { describe, expect, it } from 'vitest';
import { testChat, testFlow, texts } from '../../testing';

describe('end node', () => {
  it('says goodbye, ends, and the next message starts over', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'start' },
        { id: 'q', type: 'buttons', data: { text: 'Done?', buttons: [{ id: 'yes', title: 'Yes' }] } },
        { id: 'bye', type: 'end', data: { text: 'Bye {{answer}}' } },
      ],
      [
        ['start', null, 'q'],
        ['q', 'yes', 'bye'],
      ],
      { variables: [{ name: 'answer', default: 'friend' }] },
    );
    const chat = testChat(flow);
    chat.say('hi');
    expect(texts(chat.tap('yes'))).toEqual(['Bye friend']);
    expect(chat.session?.status).toBe('ended');
    expect(texts(chat.say('hello again'))).toEqual(['Done?']);
  });
});
