import { describe, expect, it } from 'vitest';
import { duration, readSla, waitingText } from './clock';

const at = (iso: string) => Date.parse(iso);

describe('inbox clocks', () => {
  it('says durations the way people read them', () => {
    expect(duration(20_000)).toBe('under a minute');
    expect(duration(12 * 60_000 + 59_000)).toBe('12 min');
    expect(duration(125 * 60_000)).toBe('2 h 05 min');
    expect(duration(28 * 3_600_000)).toBe('1 d 4 h');
  });

  it('counts the wait from the hand-off, and says when it was answered or resolved', () => {
    const item = { status: 'waiting', queuedAt: '2026-11-25T10:00:00Z', firstResponseAt: null, resolvedAt: null };
    expect(waitingText(item, at('2026-11-25T10:12:30Z'))).toBe('waiting 12 min');
    expect(waitingText({ ...item, status: 'assigned', firstResponseAt: '2026-11-25T10:05:00Z' }, at('2026-11-25T10:40:00Z'))).toBe('open 40 min');
    expect(waitingText({ ...item, status: 'resolved', resolvedAt: '2026-11-25T11:00:00Z' }, at('2026-11-25T11:03:00Z'))).toBe('resolved 3 min ago');
  });

  it('reads an SLA clock against the local time: left, soon, breached once due passes, met', () => {
    const clock = { dueAt: '2026-11-25T10:15:00Z', remainingMinutes: 15, state: 'running' as const };
    expect(readSla(clock, at('2026-11-25T09:50:00Z'))).toEqual({ tone: 'ok', text: '25 min left' });
    expect(readSla(clock, at('2026-11-25T10:05:00Z'))).toEqual({ tone: 'ok', text: '10 min left' });
    expect(readSla(clock, at('2026-11-25T10:11:00Z'))).toEqual({ tone: 'soon', text: '4 min left' });
    // The server said running 30 s ago; the tick has since passed the due time.
    expect(readSla(clock, at('2026-11-25T10:17:00Z'))).toEqual({ tone: 'breached', text: 'overdue by 2 min' });
    expect(readSla({ ...clock, state: 'breached' }, at('2026-11-25T10:20:00Z')).tone).toBe('breached');
    expect(readSla({ ...clock, state: 'met' }, at('2026-11-25T10:20:00Z'))).toEqual({ tone: 'met', text: 'met' });
    expect(readSla({ dueAt: null, remainingMinutes: null, state: 'running' }, 0)).toEqual({ tone: 'ok', text: 'paused (closed)' });
  });
});
