import { internName } from './intern';
import type { JsonValue } from './json';

/**
 * Templates: `{{name}}`, `{{product.title}}` and `{{name | default text}}` in any text a node sends.
 * Compiled once per distinct string and cached: the same texts are rendered on every turn.
 */
type Part = string | { path: string; keys: string[]; fallback: string | undefined };

const TAG = /\{\{\s*([^{}|]+?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}/g;
const cache = new Map<string, Part[]>();
const CACHE_LIMIT = 10_000;

function compile(template: string): Part[] {
  const hit = cache.get(template);
  if (hit) return hit;
  const parts: Part[] = [];
  let last = 0;
  for (const match of template.matchAll(TAG)) {
    if (match.index > last) parts.push(template.slice(last, match.index));
    // Looked up as keys on every render: internalized once (see intern.ts).
    const path = internName(match[1] ?? '');
    parts.push({ path, keys: path.split('.').map(internName), fallback: match[2] });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(template, parts);
  return parts;
}

/** Looks a dotted path up: a flat variable named `a.b` wins over `a`'s field `b`. */
export function lookupPath(scope: Readonly<Record<string, JsonValue>>, path: string): JsonValue | undefined {
  return lookupKeys(scope, path, path.split('.'));
}

type Scope = Readonly<Record<string, JsonValue>>;

/**
 * `path` read from `scope`, or from `over` laid on top of it. A name `over` has hides the scope's
 * under that name, flat dotted ones too: on a card, `{{product.title}}` is always the card's product,
 * even beside a variable named `product.title` (so a card reads nothing but its product).
 */
function lookupKeys(scope: Scope, path: string, keys: readonly string[], over?: Scope): JsonValue | undefined {
  const first = keys[0] ?? '';
  // Own properties only: `{{constructor}}` must not reach Object.prototype.
  if (over !== undefined) {
    if (Object.hasOwn(over, path)) return over[path];
    if (Object.hasOwn(over, first)) return fieldsOf(over[first], keys);
  }
  if (Object.hasOwn(scope, path)) return scope[path];
  return Object.hasOwn(scope, first) ? fieldsOf(scope[first], keys) : undefined;
}

/** The value at `keys[1..]` inside `value` (which is at `keys[0]`). */
function fieldsOf(start: JsonValue | undefined, keys: readonly string[]): JsonValue | undefined {
  let value = start;
  for (let i = 1; i < keys.length && value !== undefined; i++) {
    const key = keys[i] ?? '';
    if (Array.isArray(value)) value = /^\d+$/.test(key) ? value[Number(key)] : undefined;
    else if (typeof value === 'object' && value !== null) value = Object.hasOwn(value, key) ? value[key] : undefined;
    else value = undefined;
  }
  return value;
}

/** How a value reads inside a sentence. */
export function formatValue(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  return JSON.stringify(value);
}

function isEmpty(value: JsonValue | undefined): boolean {
  return value === undefined || value === null || value === '';
}

/** Fills `{{path}}` and `{{path | default}}` tags from `scope` (with `over`, when given, laid on top). */
export function renderTemplate(template: string, scope: Scope, over?: Scope): string {
  if (!template.includes('{{')) return template;
  let out = '';
  for (const part of compile(template)) {
    if (typeof part === 'string') out += part;
    else {
      const value = lookupKeys(scope, part.path, part.keys, over);
      out += isEmpty(value) && part.fallback !== undefined ? part.fallback : formatValue(value);
    }
  }
  return out;
}

/** The paths a template reads; `withDefaults: false` leaves out `{{name | default}}`, which cannot come out empty. */
export function templateVariables(template: string, options: { withDefaults?: boolean } = {}): string[] {
  if (!template.includes('{{')) return [];
  const names: string[] = [];
  for (const part of compile(template))
    if (typeof part !== 'string' && (options.withDefaults !== false || part.fallback === undefined)) names.push(part.path);
  return names;
}
