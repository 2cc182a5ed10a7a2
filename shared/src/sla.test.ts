import { describe, expect, it } from 'vitest';
import { type BusinessHours, businessMinutesBetween } from './business-hours';
import { slaClock, slaStatus } from './sla';

const weekdays = (from: string, to: string) => {
  const ranges = [{ from, to }];
  return { mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges };
};
/** An airline's desk in Paris (closed at Christmas) and one in São Paulo (no DST) and Sydney (DST in April). */
const paris: BusinessHours = { timezone: 'Europe/Paris', weekly: weekdays('09:00', '18:00'), holidays: ['2026-12-25'] };
const sydney: BusinessHours = { timezone: 'Australia/Sydney', weekly: weekdays('08:00', '20:00') };
const at = (iso: string) => new Date(iso);

describe('businessMinutesBetween', () => {
  it('counts only open time, over a night and a weekend', () => {
    // Friday 17:00 → Monday 10:00 Paris (winter, UTC+1): 60 minutes Friday + 60 Monday.
    expect(businessMinutesBetween(paris, at('2026-01-09T16:00:00Z'), at('2026-01-12T09:00:00Z'))).toBe(120);
  });

  it('skips a holiday', () => {
    // Thursday 24 Dec 17:00 → Monday 28 Dec 10:00, Christmas closed: 60 + Saturday/Sunday 0 + 60.
    expect(businessMinutesBetween(paris, at('2026-12-24T16:00:00Z'), at('2026-12-28T09:00:00Z'))).toBe(120);
  });

  it('counts the real length of a day across a DST change (Paris springs forward on Sunday 29 March)', () => {
    // Friday 27 March 17:00 (UTC+1) → Monday 30 March 10:00 (UTC+2): still 60 + 60 open minutes.
    expect(businessMinutesBetween(paris, at('2026-03-27T16:00:00Z'), at('2026-03-30T08:00:00Z'))).toBe(120);
  });

  it('is 0 backwards or while closed', () => {
    expect(businessMinutesBetween(paris, at('2026-01-12T09:00:00Z'), at('2026-01-09T16:00:00Z'))).toBe(0);
    expect(businessMinutesBetween(paris, at('2026-01-10T10:00:00Z'), at('2026-01-11T10:00:00Z'))).toBe(0);
  });
});

describe('SLA clocks', () => {
  it('promises an answer within one business hour: a question on Friday evening is due Monday morning', () => {
    // Friday 18:30 Paris, after closing: due Monday 10:00 local (09:00Z).
    const clock = slaClock(paris, 60, at('2026-01-09T17:30:00Z'), null, at('2026-01-10T12:00:00Z'));
    expect(clock).toEqual({ dueAt: at('2026-01-12T09:00:00Z'), remainingMinutes: 60, state: 'running' });
  });

  it('counts down in business minutes, then breaches and counts the lateness', () => {
    const queued = at('2026-01-12T08:30:00Z'); // Monday 09:30 Paris
    expect(slaClock(paris, 60, queued, null, at('2026-01-12T09:00:00Z')).remainingMinutes).toBe(30);
    const late = slaClock(paris, 60, queued, null, at('2026-01-12T09:45:00Z'));
    expect(late).toMatchObject({ state: 'breached', remainingMinutes: -15 });
  });

  it('stays met once answered in time, breached once answered late', () => {
    const queued = at('2026-01-12T08:30:00Z');
    expect(slaClock(paris, 60, queued, at('2026-01-12T09:10:00Z'), at('2026-01-13T12:00:00Z')).state).toBe('met');
    expect(slaClock(paris, 60, queued, at('2026-01-12T10:10:00Z'), at('2026-01-13T12:00:00Z')).state).toBe('breached');
  });

  it('keeps the promise across the southern-hemisphere DST end (Sydney falls back on Sunday 5 April 2026)', () => {
    // Friday 3 April 19:30 AEDT (UTC+11), 8 business hours to resolve: 30 minutes Friday, 450 on Monday (AEST, UTC+10).
    const status = slaStatus(
      sydney,
      { firstResponseMinutes: 60, resolutionMinutes: 8 * 60 },
      { queuedAt: at('2026-04-03T08:30:00Z'), firstResponseAt: null, resolvedAt: null },
      at('2026-04-04T00:00:00Z'),
    );
    expect(status.firstResponse.dueAt).toEqual(at('2026-04-05T22:30:00Z')); // Monday 08:30 AEST
    expect(status.resolution.dueAt).toEqual(at('2026-04-06T05:30:00Z')); // Monday 15:30 AEST
    expect(status.resolution.remainingMinutes).toBe(8 * 60 - 30);
  });

  it('never falls due for a team that never opens', () => {
    expect(slaClock({ timezone: 'UTC', weekly: {} }, 60, at('2026-01-12T08:30:00Z'), null, at('2026-01-20T00:00:00Z'))).toEqual({ dueAt: null, remainingMinutes: null, state: 'running' });
  });
});
