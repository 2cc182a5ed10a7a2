import { describe, expect, it } from 'vitest';
import { type BusinessHours, addBusinessMinutes, businessHoursSchema, isOpen, isTimeZone, nextOpening } from './business-hours';

const weekdays = (from: string, to: string) => {
  const ranges = [{ from, to }];
  return { mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges };
};

const newYork: BusinessHours = { timezone: 'America/New_York', weekly: weekdays('09:00', '17:30') };
const tokyo: BusinessHours = { timezone: 'Asia/Tokyo', weekly: weekdays('09:00', '17:30') };
const paris: BusinessHours = { timezone: 'Europe/Paris', weekly: weekdays('09:00', '17:30'), holidays: ['2026-12-25'] };

const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('isOpen', () => {
  it('reads the wall clock of the business time zone (New York, UTC-5 in winter)', () => {
    // Monday 2 March 2026.
    expect(isOpen(newYork, at('2026-03-02T13:59:59Z'))).toBe(false); // 08:59:59
    expect(isOpen(newYork, at('2026-03-02T14:00:00Z'))).toBe(true); // 09:00, opening is inclusive
    expect(isOpen(newYork, at('2026-03-02T22:29:59Z'))).toBe(true); // 17:29:59
    expect(isOpen(newYork, at('2026-03-02T22:30:00Z'))).toBe(false); // 17:30, closing is exclusive
  });

  it('uses the local date, not the UTC one (Tokyo, UTC+9)', () => {
    // Sunday 23:30 UTC is Monday 08:30 in Tokyo; Monday 00:00 UTC is Monday 09:00.
    expect(isOpen(tokyo, at('2026-03-01T23:30:00Z'))).toBe(false);
    expect(isOpen(tokyo, at('2026-03-02T00:00:00Z'))).toBe(true);
    // Friday 09:00 UTC is Friday 18:00 in Tokyo.
    expect(isOpen(tokyo, at('2026-03-06T09:00:00Z'))).toBe(false);
  });

  it('follows the DST change (Paris: UTC+1 before 29 March 2026, UTC+2 after)', () => {
    expect(isOpen(paris, at('2026-03-27T08:00:00Z'))).toBe(true); // Friday 09:00 CET
    expect(isOpen(paris, at('2026-03-30T07:00:00Z'))).toBe(true); // Monday 09:00 CEST
    expect(isOpen(paris, at('2026-03-30T06:59:00Z'))).toBe(false); // Monday 08:59 CEST
    expect(isOpen(paris, at('2026-03-30T15:30:00Z'))).toBe(false); // Monday 17:30 CEST
  });

  it('is closed on weekends and holidays', () => {
    expect(isOpen(paris, at('2026-03-07T10:00:00Z'))).toBe(false); // Saturday
    expect(isOpen(paris, at('2026-03-08T10:00:00Z'))).toBe(false); // Sunday
    expect(isOpen(paris, at('2026-12-25T10:00:00Z'))).toBe(false); // Christmas, a Friday
    expect(isOpen(paris, at('2026-12-24T10:00:00Z'))).toBe(true);
  });

  it('handles several ranges a day and "24:00"', () => {
    const split: BusinessHours = { timezone: 'UTC', weekly: { mon: [{ from: '14:00', to: '24:00' }, { from: '08:00', to: '12:00' }] } };
    expect(isOpen(split, at('2026-03-02T09:00:00Z'))).toBe(true);
    expect(isOpen(split, at('2026-03-02T13:00:00Z'))).toBe(false);
    expect(isOpen(split, at('2026-03-02T23:59:59Z'))).toBe(true);
    expect(isOpen(split, at('2026-03-03T00:00:00Z'))).toBe(false);
  });
});

describe('nextOpening', () => {
  it('is the instant itself while open', () => {
    expect(iso(nextOpening(newYork, at('2026-03-02T15:00:00Z')))).toBe('2026-03-02T15:00:00.000Z');
  });

  it('finds the same day opening, then the next working day', () => {
    expect(iso(nextOpening(newYork, at('2026-03-02T12:00:00Z')))).toBe('2026-03-02T14:00:00.000Z');
    expect(iso(nextOpening(newYork, at('2026-03-02T23:00:00Z')))).toBe('2026-03-03T14:00:00.000Z');
  });

  it('skips the weekend in Tokyo', () => {
    // Friday 18:00 in Tokyo → Monday 09:00 in Tokyo, which is Monday 00:00 UTC.
    expect(iso(nextOpening(tokyo, at('2026-03-06T09:00:00Z')))).toBe('2026-03-09T00:00:00.000Z');
  });

  it('crosses a DST change over the weekend (New York springs forward on Sunday 8 March 2026)', () => {
    // Friday 18:00 EST → Monday 09:00 EDT (UTC-4).
    expect(iso(nextOpening(newYork, at('2026-03-06T23:00:00Z')))).toBe('2026-03-09T13:00:00.000Z');
    // New York falls back on Sunday 1 November 2026: Friday 18:00 EDT → Monday 09:00 EST (UTC-5).
    expect(iso(nextOpening(newYork, at('2026-10-30T22:00:00Z')))).toBe('2026-11-02T14:00:00.000Z');
  });

  it('skips holidays and the weekend after them', () => {
    // Thursday 24 December 18:00 in Paris → Christmas Friday closed → Monday 28 December 09:00 CET.
    expect(iso(nextOpening(paris, at('2026-12-24T17:00:00Z')))).toBe('2026-12-28T08:00:00.000Z');
  });

  it('is null when the business never opens', () => {
    expect(nextOpening({ timezone: 'Europe/Paris', weekly: {} }, at('2026-03-02T10:00:00Z'))).toBeNull();
    const mondaysOnly: BusinessHours = { timezone: 'UTC', weekly: { mon: [{ from: '09:00', to: '10:00' }] } };
    expect(iso(nextOpening(mondaysOnly, at('2026-03-02T11:00:00Z')))).toBe('2026-03-09T09:00:00.000Z');
  });
});

describe('addBusinessMinutes', () => {
  it('adds within one open range', () => {
    expect(iso(addBusinessMinutes(paris, at('2026-03-02T09:00:00Z'), 90))).toBe('2026-03-02T10:30:00.000Z');
  });

  it('starts counting at the next opening when closed', () => {
    expect(iso(addBusinessMinutes(paris, at('2026-03-02T06:00:00Z'), 30))).toBe('2026-03-02T08:30:00.000Z');
    expect(iso(addBusinessMinutes(paris, at('2026-03-02T06:00:00Z'), 0))).toBe('2026-03-02T08:00:00.000Z');
  });

  it('carries what is left over the night, the weekend and a DST change', () => {
    // Friday 17:00 EST in New York + 60 min: 30 min on Friday, 30 on Monday from 09:00 EDT.
    expect(iso(addBusinessMinutes(newYork, at('2026-03-06T22:00:00Z'), 60))).toBe('2026-03-09T13:30:00.000Z');
    // A full working day (510 min) from Monday 09:00 Tokyo ends at its close; one more minute is Tuesday.
    expect(iso(addBusinessMinutes(tokyo, at('2026-03-02T00:00:00Z'), 510))).toBe('2026-03-02T08:30:00.000Z');
    expect(iso(addBusinessMinutes(tokyo, at('2026-03-02T00:00:00Z'), 511))).toBe('2026-03-03T00:01:00.000Z');
  });

  it('counts the real length of a range on a DST switch day', () => {
    // Paris, Sunday 29 March 2026: 01:00 CET (00:00Z) to 04:00 CEST (02:00Z) lasts two real hours.
    const night: BusinessHours = { timezone: 'Europe/Paris', weekly: { sun: [{ from: '01:00', to: '04:00' }] } };
    expect(isOpen(night, at('2026-03-29T01:30:00Z'))).toBe(true); // 03:30 CEST
    expect(iso(addBusinessMinutes(night, at('2026-03-29T00:00:00Z'), 120))).toBe('2026-03-29T02:00:00.000Z');
    // The next Sunday is summer time: 01:00 CEST is 23:00Z the day before.
    expect(iso(addBusinessMinutes(night, at('2026-03-29T00:00:00Z'), 121))).toBe('2026-04-04T23:01:00.000Z');
    // New York, Sunday 1 November 2026: 01:00 EDT (05:00Z) to 03:00 EST (08:00Z) lasts three real hours.
    const fallBack: BusinessHours = { timezone: 'America/New_York', weekly: { sun: [{ from: '01:00', to: '03:00' }] } };
    expect(iso(nextOpening(fallBack, at('2026-11-01T00:00:00Z')))).toBe('2026-11-01T05:00:00.000Z');
    expect(iso(addBusinessMinutes(fallBack, at('2026-11-01T05:00:00Z'), 180))).toBe('2026-11-01T08:00:00.000Z');
  });

  it('opens a range that starts in the skipped hour at the end of the gap', () => {
    // 02:30 does not exist in New York on 8 March 2026; the clock jumps from 02:00 EST to 03:00 EDT.
    const early: BusinessHours = { timezone: 'America/New_York', weekly: { sun: [{ from: '02:30', to: '05:00' }] } };
    expect(iso(nextOpening(early, at('2026-03-08T00:00:00Z')))).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
  });

  it('is null when the business never opens or the minutes are not a number', () => {
    expect(addBusinessMinutes({ timezone: 'UTC', weekly: {} }, at('2026-03-02T10:00:00Z'), 10)).toBeNull();
    expect(addBusinessMinutes(paris, at('2026-03-02T10:00:00Z'), Number.NaN)).toBeNull();
  });
});

describe('business hours config', () => {
  it('knows IANA time zones', () => {
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('explains bad hours in sentences', () => {
    const parsed = businessHoursSchema.safeParse({
      timezone: 'Mars/Olympus',
      weekly: { mon: [{ from: '18:00', to: '09:00' }], tue: [{ from: '9am', to: '17:00' }] },
      holidays: ['25/12/2026'],
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toContain('the time zone must be an IANA name such as Europe/Paris or America/New_York');
    expect(messages).toContain('the closing time must come after the opening time');
    expect(messages).toContain('a time is written HH:MM, such as 09:00');
    expect(messages).toContain('a holiday is a date written YYYY-MM-DD, such as 2026-12-25');
  });
});
