import { type JsonValue, formatValue } from '@parley/shared';
import { type Result, fail, ok } from './ast';

/** false, null, 0 and '' are false; everything else is true. */
export function truthy(value: JsonValue): boolean {
  return value !== false && value !== null && value !== 0 && value !== '';
}

/** How a value reads as text: what `+` with a string and `string()` produce. */
export const toText = formatValue;

const NUMERIC = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Numbers, and text that is only a number ("42", " 1.5 "), as numbers. */
export function numericValue(value: JsonValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** How a value reads in an error message. */
export function describeValue(value: JsonValue): string {
  if (value === null) return 'nothing (an unset variable or null)';
  if (typeof value === 'string') return `"${value.length > 30 ? `${value.slice(0, 27)}…` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** A value used in arithmetic; unset counts as 0 so counters can start from nothing. */
export function toNumber(value: JsonValue, position: number): Result<number> {
  if (value === null) return ok(0);
  const number = numericValue(value);
  return number === undefined ? fail(`Expected a number but got ${describeValue(value)}`, position) : ok(number);
}

/** A finite result, or a failure: JSON has no Infinity or NaN. */
export function finite(value: number, position: number): Result<JsonValue> {
  return Number.isFinite(value) ? ok(value) : fail('The result is too large to be a number', position);
}

/** Equality: numbers equal numeric text ("5" == 5); other values must match exactly, lists and objects by content. */
export function sameValue(a: JsonValue, b: JsonValue): boolean {
  if (typeof a === 'number' || typeof b === 'number') {
    const [x, y] = [numericValue(a), numericValue(b)];
    return x !== undefined && y !== undefined && x === y;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i] ?? null));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key] ?? null, b[key] ?? null));
  }
  return a === b;
}

/** Ordering for < <= > >=: numbers and numeric text as numbers ("9" < "10"), other texts alphabetically (ISO dates order right). */
export function compareValues(a: JsonValue, b: JsonValue, position: number): Result<number> {
  const [x, y] = [numericValue(a), numericValue(b)];
  if (x !== undefined && y !== undefined) return ok(x - y);
  if (typeof a === 'string' && typeof b === 'string') return ok(a < b ? -1 : a > b ? 1 : 0);
  return fail(`Cannot compare ${describeValue(a)} with ${describeValue(b)}`, position);
}
