import { z } from 'zod';

/**
 * Business hours: weekly opening ranges in a named time zone, minus holidays. Pure arithmetic on
 * instants; time-zone conversion uses only `Intl.DateTimeFormat`, so it follows DST like the
 * platform's own clock does. Ranges are wall-clock times ("09:00"–"17:30") within one day.
 */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface TimeRange {
  /** "HH:MM", inclusive. */
  from: string;
  /** "HH:MM" (or "24:00" for midnight), exclusive; after `from`. */
  to: string;
}

export interface BusinessHours {
  /** IANA time zone, e.g. "Europe/Paris". */
  timezone: string;
  weekly: Partial<Record<Weekday, readonly TimeRange[]>>;
  /** Local dates "YYYY-MM-DD" when the business stays closed all day. */
  holidays?: readonly string[];
}

/** Whether the platform knows a time zone by this name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** "HH:MM" → minutes after midnight; NaN if it is no time. */
function minutesOf(time: string): number {
  const match = TIME.exec(time);
  if (!match) return Number.NaN;
  if (time === '24:00') return 24 * 60;
  return Number(match[1]) * 60 + Number(match[2]);
}

export const timeRangeSchema = z
  .object({
    from: z.string().regex(TIME, 'a time is written HH:MM, such as 09:00').meta({ label: 'Opens', placeholder: '09:00' }),
    to: z.string().regex(TIME, 'a time is written HH:MM, such as 17:30').meta({ label: 'Closes', placeholder: '17:30' }),
  })
  .refine((range) => minutesOf(range.from) < minutesOf(range.to), { message: 'the closing time must come after the opening time', path: ['to'] });

const dayRanges = (label: string) => z.array(timeRangeSchema).max(10).optional().meta({ label, widget: 'list', help: 'Leave empty when closed all day.' });

/** Business hours as a node's config holds them; `timezone` may be left to the flow's own. */
export const businessHoursSchema = z.object({
  timezone: z
    .string()
    .refine(isTimeZone, 'the time zone must be an IANA name such as Europe/Paris or America/New_York')
    .optional()
    .meta({ label: 'Time zone', placeholder: 'Europe/Paris', help: "Leave empty to use the flow's time zone." }),
  weekly: z
    .object({
      mon: dayRanges('Monday'),
      tue: dayRanges('Tuesday'),
      wed: dayRanges('Wednesday'),
      thu: dayRanges('Thursday'),
      fri: dayRanges('Friday'),
      sat: dayRanges('Saturday'),
      sun: dayRanges('Sunday'),
    })
    .meta({ label: 'Opening hours' }),
  holidays: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a holiday is a date written YYYY-MM-DD, such as 2026-12-25'))
    .default([])
    .meta({ label: 'Holidays', widget: 'list', help: 'Dates (YYYY-MM-DD) when nobody works.' }),
});
export type BusinessHoursConfig = z.output<typeof businessHoursSchema>;

/** A calendar day, independent of any zone. */
interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** The wall-clock reading in `timezone` at an instant, as if that reading were UTC (ms). */
function wallClockMs(instantMs: number, timezone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const hour = fields.hour === 24 ? 0 : (fields.hour ?? 0);
  return Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, hour, fields.minute ?? 0, fields.second ?? 0);
}

/** How far `timezone`'s clock is ahead of UTC at an instant, in ms. */
function offsetMs(instantMs: number, timezone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallClockMs(wholeSecond, timezone) - wholeSecond;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant when `timezone`'s clock reads `minutes` after midnight of `date`. A reading that
 * happens twice (clocks going back) gives the earlier; one that never happens (clocks going
 * forward) is moved forward by the gap, as clocks themselves do.
 */
function instantAt(date: LocalDate, minutes: number, timezone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  // Real zones change offset at most once within two days, so the offsets a day either side cover both readings.
  const candidates = [wall - offsetMs(wall - DAY_MS, timezone), wall - offsetMs(wall + DAY_MS, timezone)];
  const valid = candidates.filter((instant) => instant + offsetMs(instant, timezone) === wall);
  return valid.length > 0 ? Math.min(...valid) : Math.max(...candidates);
}

function localDateAt(instantMs: number, timezone: string): { date: LocalDate; minutes: number } {
  const wall = new Date(wallClockMs(instantMs, timezone));
  const date = { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
  return { date, minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes() + wall.getUTCSeconds() / 60 + (instantMs % 1000) / 60_000 };
}

function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

function isoDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The opening ranges of one local day, in minutes, sorted; none on a holiday. */
function rangesOn(hours: BusinessHours, date: LocalDate): { from: number; to: number }[] {
  if (hours.holidays?.includes(isoDate(date))) return [];
  const weekday = WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()];
  const ranges = weekday ? (hours.weekly[weekday] ?? []) : [];
  return ranges
    .map((range) => ({ from: minutesOf(range.from), to: minutesOf(range.to) }))
    .filter((range) => range.from < range.to)
    .sort((a, b) => a.from - b.from);
}

/** Days to look ahead before concluding the business never opens: each holiday can hide at most one open day a week. */
function lookahead(hours: BusinessHours): number {
  return 7 * ((hours.holidays?.length ?? 0) + 1) + 1;
}

/** The first opening interval that ends after `at`, its start clipped to `at`; null if it never opens. */
function openIntervalFrom(hours: BusinessHours, atMs: number): { start: number; end: number } | null {
  const hasAnyRange = Object.values(hours.weekly).some((ranges) => (ranges ?? []).length > 0);
  if (!hasAnyRange) return null;
  const today = localDateAt(atMs, hours.timezone).date;
  for (let offset = 0; offset <= lookahead(hours); offset++) {
    const date = addDays(today, offset);
    for (const range of rangesOn(hours, date)) {
      const end = instantAt(date, range.to, hours.timezone);
      if (end <= atMs) continue;
      const start = Math.max(instantAt(date, range.from, hours.timezone), atMs);
      // A range lying inside a DST gap can collapse to nothing.
      if (start < end) return { start, end };
    }
  }
  return null;
}

/** Whether the business is open at an instant (holidays closed all day). */
export function isOpen(hours: BusinessHours, at: Date): boolean {
  const { date, minutes } = localDateAt(at.getTime(), hours.timezone);
  return rangesOn(hours, date).some((range) => range.from <= minutes && minutes < range.to);
}

/** The first instant at or after `at` when the business is open (`at` itself when open); null if it never opens. */
export function nextOpening(hours: BusinessHours, at: Date): Date | null {
  const interval = openIntervalFrom(hours, at.getTime());
  return interval ? new Date(interval.start) : null;
}

/**
 * The instant after `minutes` of open time have passed since `at` (SLA deadlines). Open time is
 * real elapsed time, so a range that spans a DST change counts the hour it really lasted.
 * Zero minutes gives the next opening. Null if the business never opens.
 */
export function addBusinessMinutes(hours: BusinessHours, at: Date, minutes: number): Date | null {
  if (!Number.isFinite(minutes)) return null;
  let remainingMs = Math.max(0, minutes) * 60_000;
  let cursor = at.getTime();
  for (;;) {
    const interval = openIntervalFrom(hours, cursor);
    if (!interval) return null;
    const available = interval.end - interval.start;
    if (remainingMs <= available) return new Date(interval.start + remainingMs);
    remainingMs -= available;
    cursor = interval.end;
  }
}

/** Minutes of open time between two instants (0 when `to` is not after `from`): how much of an SLA is used. */
export function businessMinutesBetween(hours: BusinessHours, from: Date, to: Date): number {
  let cursor = from.getTime();
  const end = to.getTime();
  let openMs = 0;
  while (cursor < end) {
    const interval = openIntervalFrom(hours, cursor);
    if (!interval || interval.start >= end) break;
    openMs += Math.min(interval.end, end) - interval.start;
    cursor = interval.end;
  }
  return openMs / 60_000;
}
