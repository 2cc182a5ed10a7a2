import { optionByTyping } from '../../choice';
import { fold } from '../../text';

/**
 * Reading typed answers. Each reader returns the value to store, or undefined when the answer
 * does not fit; the ask node turns that into a re-prompt.
 */

// Space-like characters people type between digit groups ("1 000", "1'000", narrow no-break space).
const GROUP_SPACES = /[\s\u00a0\u202f']/g;
// An integer part, plain or grouped by thousands with one consistent separator.
const GROUPED_INTEGER = /^\d{1,3}([,.])\d{3}(?:\1\d{3})*$/;

function integerDigits(part: string, decimal: string | undefined): string | undefined {
  if (/^\d*$/.test(part)) return part;
  const grouped = GROUPED_INTEGER.exec(part);
  if (!grouped || grouped[1] === decimal) return undefined;
  return part.replace(/[,.]/g, '');
}

/** "1,5", "1.5", "1 000", "1,000.50", "-3": a single `,` or `.` is the decimal mark, repeated ones group thousands. */
export function parseNumber(text: string): number | undefined {
  const compact = text.trim().replace(GROUP_SPACES, '');
  const signed = /^([+-]?)([\d.,]+)$/.exec(compact);
  if (!signed) return undefined;
  const sign = signed[1] === '-' ? '-' : '';
  const body = signed[2] ?? '';
  const lastMark = Math.max(body.lastIndexOf(','), body.lastIndexOf('.'));
  const mark = body[lastMark];
  let digits: string | undefined;
  if (mark !== undefined && body.split(mark).length === 2) {
    // The last mark appears once: it is the decimal mark ("1,5", "1.000,5").
    const fraction = body.slice(lastMark + 1);
    const integer = integerDigits(body.slice(0, lastMark), mark);
    if (integer !== undefined && /^\d+$/.test(fraction)) digits = `${integer || '0'}.${fraction}`;
  } else digits = integerDigits(body, undefined);
  if (digits === undefined || digits === '') return undefined;
  const value = Number(`${sign}${digits}`);
  return Number.isFinite(value) ? value : undefined;
}

// The HTML standard's pragmatic email pattern: what browsers accept in <input type="email">.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** An email address, trimmed, with its domain in lower case. */
export function parseEmail(text: string): string | undefined {
  const email = text.trim();
  if (email.length > 254 || !EMAIL.test(email)) return undefined;
  const at = email.lastIndexOf('@');
  return email.slice(0, at + 1) + email.slice(at + 1).toLowerCase();
}

/** A phone number with optional +, spaces, dashes and parentheses; stored as + and digits only. */
export function parsePhone(text: string): string | undefined {
  const phone = text.trim();
  if (!/^\+?[\d\s()-]+$/.test(phone)) return undefined;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  return phone.startsWith('+') ? `+${digits}` : digits;
}

export type DateOrder = 'dmy' | 'mdy';

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function isoDate({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function realDay(year: number, month: number, day: number): CalendarDay | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : undefined;
}

/** The calendar day at `now` in a time zone; an unknown zone falls back to UTC rather than failing. */
export function dayIn(now: Date, timeZone: string): CalendarDay {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(now);
  } catch {
    return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
  }
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

function nextDay({ year, month, day }: CalendarDay): CalendarDay {
  const date = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** "2026-03-02", "2/3/2026" (by `order`), "today", "tomorrow": stored as ISO yyyy-mm-dd. */
export function parseDate(text: string, order: DateOrder, today: CalendarDay): string | undefined {
  const typed = fold(text);
  if (typed === 'today') return isoDate(today);
  if (typed === 'tomorrow') return isoDate(nextDay(today));
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) {
    const day = realDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return day && isoDate(day);
  }
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
  if (!local) return undefined;
  const [first, second, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
  const day = order === 'dmy' ? realDay(year, second, first) : realDay(year, first, second);
  return day && isoDate(day);
}

/** One of the options: its text ignoring case and accents (or signs, see optionByTyping), or its number ("2" is the second). */
export function matchOption(text: string, options: readonly string[]): string | undefined {
  return optionByTyping(text, options, (option) => option);
}
