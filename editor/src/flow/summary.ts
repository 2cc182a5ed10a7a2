import type { CatalogEntry } from './catalog';
import { type JsonObject, type JsonSchema, isObject, labelOf, typeOf } from './schema';

const MAX_LINES = 4;
const MAX_CHARS = 90;

const clip = (text: string) => (text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text);

/** The text of one list item: its first few string values ("Dry", "attributes.skin equals {{skin}}"). */
function itemText(item: unknown): string {
  if (typeof item === 'string' || typeof item === 'number') return String(item);
  if (!isObject(item)) return '';
  return Object.entries(item)
    .filter(([key, value]) => key !== 'id' && (typeof value === 'string' || typeof value === 'number') && value !== '')
    .slice(0, 3)
    .map(([, value]) => String(value))
    .join(' ');
}

function valueText(schema: JsonSchema, value: unknown): string {
  if (Array.isArray(value)) {
    const items = value.map(itemText).filter(Boolean);
    return items.length > 0 ? items.join(', ') : `${value.length}`;
  }
  if (isObject(value)) return itemText(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return typeOf(schema) === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * A few readable lines of what a node says and does, from its data and schema only: the main
 * text first, then other set fields as "Label: value". Lists drawn as outputs are left to the
 * outputs. Defaults are not repeated.
 */
export function summarize(entry: CatalogEntry | undefined, config: JsonObject): string[] {
  if (!entry) return [];
  const portLists = new Set(entry.ports.flatMap((spec) => ('forEach' in spec ? [spec.forEach] : [])));
  const texts: string[] = [];
  const facts: string[] = [];
  for (const [key, schema] of Object.entries(entry.schema.properties ?? {})) {
    const value = config[key];
    if (key === 'label' || portLists.has(key) || value === undefined || value === '' || value === null) continue;
    if (JSON.stringify(value) === JSON.stringify(schema.default)) continue;
    const main = typeof value === 'string' && (schema.widget === 'template' || schema.widget === 'textarea');
    if (main && texts.length < 2) texts.push(clip(value.replace(/\s+/g, ' ')));
    else {
      const text = valueText(schema, value);
      if (text) facts.push(clip(`${labelOf(schema, key)}: ${text}`));
    }
  }
  return [...texts, ...facts].slice(0, MAX_LINES);
}

/** What the canvas shows as the node's name: its label, else its type's title. */
export function nodeTitle(entry: CatalogEntry | undefined, config: JsonObject, fallback: string): string {
  const label = config.label;
  if (typeof label === 'string' && label.trim() !== '') return label;
  return entry?.title ?? fallback;
}
