import { describe, expect, it } from 'vitest';
import { createConversationCache } from './conversation-cache';
import type { ConversationState } from './load';

const state = (id: string, botId = 'bot'): ConversationState => ({ key: 1, id, botId, channel: 'web', externalKey: id, session: null });

describe('conversation cache', () => {
  it('answers the latest state written for a conversation', () => {
    const cache = createConversationCache(10);
    cache.set('a', state('a'));
    cache.set('a', { ...state('a'), key: 2 });
    expect(cache.get('a')?.key).toBe(2);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });

  it('holds at most its limit, and keeps the conversations written lately over those left alone', () => {
    const cache = createConversationCache(10);
    for (let i = 0; i < 10; i++) cache.set(`c${i}`, state(`c${i}`));
    // c0 and c1 keep talking while twenty new conversations arrive.
    for (let i = 10; i < 30; i++) {
      cache.set(`c${i}`, state(`c${i}`));
      cache.set('c0', state('c0'));
      cache.set('c1', state('c1'));
    }
    const held = Array.from({ length: 30 }, (_, i) => `c${i}`).filter((key) => cache.get(key) !== undefined);
    expect(held.length).toBeLessThanOrEqual(10);
    expect(held).toContain('c0');
    expect(held).toContain('c1');
    expect(held).toContain('c29');
    expect(held).not.toContain('c2');
    expect(held).not.toContain('c15');
  });

  it('moves a conversation read from the older half into the newer one when written, without a second copy', () => {
    const cache = createConversationCache(4);
    cache.set('a', state('a'));
    cache.set('b', state('b'));
    // `a` and `b` are the older half now; `c` starts a new one.
    cache.set('c', state('c'));
    cache.set('a', { ...state('a'), key: 7 });
    cache.set('d', state('d'));
    // The newer half (`c`, `a`) became the older one; `b` was dropped, `a` kept its latest state.
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.key).toBe(7);
    expect(cache.get('c')).toBeDefined();
    expect(cache.get('d')).toBeDefined();
  });

  it('forgets every conversation of a bot', () => {
    const cache = createConversationCache(4);
    cache.set('a', state('a', 'one'));
    cache.set('b', state('b', 'two'));
    cache.set('c', state('c', 'one'));
    cache.forgetBot('one');
    expect(['a', 'b', 'c'].map((key) => cache.get(key)?.id)).toEqual([undefined, 'b', undefined]);
  });
});
