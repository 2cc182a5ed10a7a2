/**
 * A date as `Date#toISOString` writes it, for hot paths. On Node 20, V8 formats every call through printf
 * (~7,000 instructions, a few per cent of a chat turn); this formats one date per second that way and
 * reuses its text up to the seconds, writing only the milliseconds.
 */
let secondStart = Number.NaN;
let secondPrefix = '';

export function isoTime(date: Date): string {
  const ms = date.getTime();
  const milli = ms - secondStart;
  if (milli >= 0 && milli < 1000) return secondPrefix + (milli < 10 ? '00' : milli < 100 ? '0' : '') + milli + 'Z';
  // Another second (or an invalid date: toISOString throws its RangeError as usual).
  const text = date.toISOString();
  // Years past 9999 or before 0 have a longer form: not cached.
  if (text.length === 24) {
    secondPrefix = text.slice(0, 20);
    secondStart = ms - Number(text.slice(20, 23));
  }
  return text;
}
