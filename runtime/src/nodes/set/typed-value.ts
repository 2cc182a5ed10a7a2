import { type JsonValue, jsonValueSchema } from '@parley/shared';
import { fold } from '../../text';

export const VALUE_TYPES = ['string', 'number', 'boolean', 'json'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export type Typed = { ok: true; value: JsonValue } | { ok: false; problem: string };

const NUMERIC = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?$/i;
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['yes', true],
  ['1', true],
  ['false', false],
  ['no', false],
  ['0', false],
]);

function quoted(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 37)}…` : text}"`;
}

const MAX_JSON_DEPTH = 64;

/** How deeply brackets nest outside strings: checked first, since checking a deep value would overflow the stack. */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') deepest = Math.max(deepest, ++depth);
    else if (ch === ']' || ch === '}') depth--;
  }
  return deepest;
}

function parseJson(text: string): Typed {
  if (jsonDepth(text) > MAX_JSON_DEPTH) return { ok: false, problem: `the JSON value nests more than ${MAX_JSON_DEPTH} levels deep` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `the value ${quoted(text)} is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const value = jsonValueSchema.safeParse(raw);
  return value.success ? { ok: true, value: value.data } : { ok: false, problem: `the value ${quoted(text)} is not valid JSON` };
}

/** Text as the value type the author chose: "42" as the number 42, "yes" as true, '{"a":1}' as an object. */
export function typedValue(text: string, type: ValueType): Typed {
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'number': {
      const trimmed = text.trim();
      const number = Number(trimmed);
      return NUMERIC.test(trimmed) && Number.isFinite(number) ? { ok: true, value: number } : { ok: false, problem: `the value ${quoted(text)} is not a number` };
    }
    case 'boolean': {
      const value = BOOLEANS.get(fold(text));
      return value === undefined ? { ok: false, problem: `the value ${quoted(text)} is not true or false` } : { ok: true, value };
    }
    case 'json':
      return parseJson(text);
  }
}
