import { describe, expect, it } from 'vitest';
import { testChat, testFlow } from '../../testing';

describe('message node', () => {
  it('sends text with variables, media with captions, and a typing pause', () => {
    const flow = testFlow(
      [
        { id: 'start', type: 'start' },
        { id: 'hello', type: 'message', data: { text: 'Hello {{contact.name | there}}', typingMs: 500 } },
        { id: 'pic', type: 'message', data: { kind: 'image', url: 'https://cdn.example/{{look}}.jpg', text: 'Our {{look}} look' } },
        { id: 'doc', type: 'message', data: { kind: 'file', url: 'https://cdn.example/menu.pdf', fileName: 'menu.pdf' } },
      ],
      [
        ['start', null, 'hello'],
        ['hello', null, 'pic'],
        ['pic', null, 'doc'],
      ],
      { variables: [{ name: 'look', default: 'matte' }] },
    );
    const chat = testChat(flow);
    expect(chat.say('hi')).toEqual([
      { type: 'typing', ms: 500 },
      { type: 'text', text: 'Hello there' },
      { type: 'image', url: 'https://cdn.example/matte.jpg', caption: 'Our matte look' },
      { type: 'file', url: 'https://cdn.example/menu.pdf', name: 'menu.pdf', caption: undefined },
    ]);
    expect(chat.session?.status).toBe('ended');
  });
});
