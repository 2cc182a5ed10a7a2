import type { JsonValue } from '@parley/shared';
import { type Result, fail, ok } from './ast';
import { describeValue, finite, numericValue, sameValue, toNumber, toText } from './values';

/** What a function sees besides its arguments. */
export interface CallSite {
  name: string;
  position: number;
  now: Date;
}

interface FunctionSpec {
  minArgs: number;
  maxArgs: number;
  apply(args: JsonValue[], site: CallSite): Result<JsonValue>;
}

const ANY = Number.POSITIVE_INFINITY;

function numeric(apply: (x: number) => number): FunctionSpec {
  return {
    minArgs: 1,
    maxArgs: 1,
    apply: ([x = null], site) => {
      const number = toNumber(x, site.position);
      return number.ok ? finite(apply(number.value), site.position) : number;
    },
  };
}

function textual(apply: (text: string) => JsonValue): FunctionSpec {
  return { minArgs: 1, maxArgs: 1, apply: ([x = null]) => ok(apply(toText(x))) };
}

/** Rounds half away from zero; toPrecision first so 1.005 rounds to 1.01 as people expect. */
function roundTo(x: number, digits: number): number {
  const factor = 10 ** Math.abs(digits);
  const scaled = digits >= 0 ? x * factor : x / factor;
  const rounded = Math.sign(scaled) * Math.round(Number(Math.abs(scaled).toPrecision(15)));
  return digits >= 0 ? rounded / factor : rounded * factor;
}

/** min(a, b, c) or min(list). */
function extreme(pick: (a: number, b: number) => number): FunctionSpec {
  return {
    minArgs: 1,
    maxArgs: ANY,
    apply: (args, site) => {
      const [first] = args;
      const items = args.length === 1 && Array.isArray(first) ? first : args;
      let best: number | undefined;
      for (const item of items) {
        const number = toNumber(item, site.position);
        if (!number.ok) return number;
        best = best === undefined ? number.value : pick(best, number.value);
      }
      return best === undefined ? fail(`${site.name}() needs at least one number`, site.position) : ok(best);
    },
  };
}

function length(value: JsonValue): number {
  if (value === null) return 0;
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'object') return Object.keys(value).length;
  return [...toText(value)].length;
}

/** The whitelist: an expression can call these and nothing else. `if` is special (lazy) and handled by the evaluator. */
export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ['lower', textual((text) => text.toLowerCase())],
  ['upper', textual((text) => text.toUpperCase())],
  ['trim', textual((text) => text.trim())],
  ['len', { minArgs: 1, maxArgs: 1, apply: ([x = null]) => ok(length(x)) }],
  [
    'round',
    {
      minArgs: 1,
      maxArgs: 2,
      apply: ([x = null, digits = 0], site) => {
        const number = toNumber(x, site.position);
        if (!number.ok) return number;
        if (typeof digits !== 'number' || !Number.isInteger(digits) || Math.abs(digits) > 15)
          return fail(`round() takes a whole number of digits from -15 to 15, not ${describeValue(digits)}`, site.position);
        return finite(roundTo(number.value, digits), site.position);
      },
    },
  ],
  ['floor', numeric(Math.floor)],
  ['ceil', numeric(Math.ceil)],
  ['abs', numeric(Math.abs)],
  ['min', extreme(Math.min)],
  ['max', extreme(Math.max)],
  ['concat', { minArgs: 0, maxArgs: ANY, apply: (args) => ok(args.map(toText).join('')) }],
  [
    'contains',
    {
      minArgs: 2,
      maxArgs: 2,
      // A list contains an equal item; text contains a part (case matters: use lower() on both to ignore it).
      apply: ([haystack = null, needle = null]) =>
        ok(Array.isArray(haystack) ? haystack.some((item) => sameValue(item, needle)) : haystack !== null && toText(haystack).includes(toText(needle))),
    },
  ],
  [
    'number',
    {
      minArgs: 1,
      maxArgs: 1,
      apply: ([x = null], site) => {
        if (typeof x === 'boolean') return ok(x ? 1 : 0);
        const number = numericValue(x ?? 0);
        return number === undefined ? fail(`Cannot turn ${describeValue(x)} into a number`, site.position) : ok(number);
      },
    },
  ],
  ['string', textual((text) => text)],
  ['now', { minArgs: 0, maxArgs: 0, apply: (_args, site) => ok(site.now.toISOString()) }],
]);

/** Arity of every callable name, `if` included. */
export function arityOf(name: string): { minArgs: number; maxArgs: number } | undefined {
  if (name === 'if') return { minArgs: 3, maxArgs: 3 };
  return FUNCTIONS.get(name);
}

/** Why a call is wrong (unknown name, wrong number of arguments), or undefined when it is fine. */
export function callProblem(name: string, count: number, position: number): Result<never> | undefined {
  const arity = arityOf(name);
  if (!arity) return fail(`Unknown function '${name}'`, position, `use one of: if, ${[...FUNCTIONS.keys()].join(', ')}`);
  if (count < arity.minArgs || count > arity.maxArgs) {
    const expected =
      arity.minArgs === arity.maxArgs ? `${arity.minArgs}` : arity.maxArgs === ANY ? `at least ${arity.minArgs}` : `${arity.minArgs} or ${arity.maxArgs}`;
    const plural = arity.minArgs === 1 && arity.maxArgs !== 2 ? '' : 's';
    return fail(`${name}() takes ${expected} argument${plural} but got ${count}`, position);
  }
  return undefined;
}
