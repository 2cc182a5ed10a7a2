import { type JsonValue, type Variables, formatValue, lookupPath } from '@parley/shared';
import { fold } from '../../text';

export const OPERATORS = [
  'equals',
  'notEquals',
  'contains',
  'notContains',
  'greaterThan',
  'lessThan',
  'greaterOrEqual',
  'lessOrEqual',
  'isSet',
  'isNotSet',
  'matches',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Rule {
  variable: string;
  op: Operator;
  value: string;
}

/** Regular expressions are matched ignoring case, as marketers expect "yes" to match "Yes". */
export const PATTERN_FLAGS = 'iu';

type Compiled = { ok: true; pattern: RegExp } | { ok: false; problem: string };

function compilePattern(pattern: string): Compiled {
  try {
    return { ok: true, pattern: new RegExp(pattern, PATTERN_FLAGS) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Why a configured pattern cannot compile, or undefined when it can; `{{tags}}` count as plain text. */
export function patternProblem(pattern: string): string | undefined {
  const compiled = compilePattern(pattern.replace(/\{\{[^{}]*\}\}/g, 'x'));
  return compiled.ok ? undefined : compiled.problem;
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

function asNumber(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** A variable's value; prototype names ("constructor") and other non-JSON values count as unset. */
function read(vars: Readonly<Variables>, path: string): JsonValue | undefined {
  const value = lookupPath(vars, path);
  return typeof value === 'function' ? undefined : value;
}

function isSet(value: JsonValue | undefined): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

function equals(left: JsonValue | undefined, right: string): boolean {
  const [a, b] = [asNumber(left), asNumber(right)];
  if (a !== undefined && b !== undefined) return a === b;
  return fold(formatValue(left)) === fold(right);
}

function contains(left: JsonValue | undefined, right: string): boolean {
  // A list contains an item equal to the value (tags contains "vip"); text contains it as a part.
  if (Array.isArray(left)) return left.some((item) => equals(item, right));
  return fold(formatValue(left)).includes(fold(right));
}

/**
 * Orders numbers as numbers and anything else as text (ISO dates order correctly as text);
 * an unset variable is neither greater nor smaller than anything.
 */
function ordered(left: JsonValue | undefined, right: string, holds: (difference: number) => boolean): boolean {
  if (!isSet(left)) return false;
  const [a, b] = [asNumber(left), asNumber(right)];
  if (a !== undefined && b !== undefined) return holds(a - b);
  const [x, y] = [fold(formatValue(left)), fold(right)];
  return holds(x < y ? -1 : x > y ? 1 : 0);
}

function matches(left: JsonValue | undefined, pattern: string): boolean {
  // The config check accepts the pattern, but a variable inserted into it may still break it: the rule then fails.
  const compiled = compilePattern(pattern);
  return compiled.ok && compiled.pattern.test(formatValue(left));
}

/** Whether one rule holds; `value` is the rule's value already rendered. */
export function ruleHolds(rule: Rule, vars: Readonly<Variables>, value: string): boolean {
  const left = read(vars, rule.variable);
  switch (rule.op) {
    case 'equals':
      return equals(left, value);
    case 'notEquals':
      return !equals(left, value);
    case 'contains':
      return contains(left, value);
    case 'notContains':
      return !contains(left, value);
    case 'greaterThan':
      return ordered(left, value, (d) => d > 0);
    case 'lessThan':
      return ordered(left, value, (d) => d < 0);
    case 'greaterOrEqual':
      return ordered(left, value, (d) => d >= 0);
    case 'lessOrEqual':
      return ordered(left, value, (d) => d <= 0);
    case 'isSet':
      return isSet(left);
    case 'isNotSet':
      return !isSet(left);
    case 'matches':
      return matches(left, value);
  }
}
