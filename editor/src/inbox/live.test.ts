import { describe, expect, it, vi } from 'vitest';
import { type LiveSource, followInbox } from './live';

/** An event stream the test drives: open it, push events, fail it. */
function fakeSource(): LiveSource & { listeners: ((event: MessageEvent) => void)[]; closed: boolean; readyState: number } {
  return {
    listeners: [],
    closed: false,
    readyState: 0,
    onopen: null,
    onerror: null,
    addEventListener(_type, listener) {
      this.listeners.push(listener);
    },
    close() {
      this.closed = true;
      this.readyState = 2;
    },
  };
}

const event = { type: 'queued', handoffId: 'h1', conversationId: 'c1', teamKey: 'front-desk', at: '2026-11-25T10:00:00Z' };

describe('following the inbox events', () => {
  it('refetches on each inbox event and on (re)opening, ignores malformed ones, and reconnects after the stream gives up', () => {
    vi.useFakeTimers();
    const sources: ReturnType<typeof fakeSource>[] = [];
    const seen: string[] = [];
    const stop = followInbox({
      create: (url) => {
        seen.push(url);
        const source = fakeSource();
        sources.push(source);
        return source;
      },
      onEvent: () => seen.push('event'),
      onOpen: () => seen.push('open'),
      retryMs: 1_000,
    });
    const first = sources[0];
    if (!first) throw new Error('no stream opened');
    first.onopen?.(new Event('open'));
    first.listeners.forEach((listener) => listener(new MessageEvent('inbox', { data: JSON.stringify(event) })));
    first.listeners.forEach((listener) => listener(new MessageEvent('inbox', { data: '{"type":"nonsense"}' })));
    first.listeners.forEach((listener) => listener(new MessageEvent('inbox', { data: 'not json' })));
    expect(seen).toEqual(['/api/inbox/events', 'open', 'event']);

    // A transient drop: the browser retries by itself.
    first.onerror?.(new Event('error'));
    vi.advanceTimersByTime(5_000);
    expect(sources).toHaveLength(1);
    // The server answered an error: the browser has closed the stream for good; a new one follows.
    first.readyState = 2;
    first.onerror?.(new Event('error'));
    expect(first.closed).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(sources).toHaveLength(2);

    stop();
    expect(sources[1]?.closed).toBe(true);
    vi.useRealTimers();
  });
});
