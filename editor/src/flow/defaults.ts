import { uniqueId } from './ids';
import { type JsonObject, type JsonSchema, type JsonValue, humanize, isObject, toJson, typeOf } from './schema';

/** "buttons" → "button", "entries" → "entry": the name of one item of a list. */
export function singular(key: string): string {
  if (key.endsWith('ies')) return `${key.slice(0, -3)}y`;
  if (key.endsWith('s') && !key.endsWith('ss')) return key.slice(0, -1);
  return key;
}

/**
 * The value a new field starts with: only what its schema requires, so defaults stay the
 * schema's (the server fills them) and the saved flow stays small.
 */
export function initialValue(schema: JsonSchema, key = 'item'): JsonValue | undefined {
  if (schema.const !== undefined) return toJson(schema.const);
  if (schema.oneOf?.[0]) return initialValue(schema.oneOf[0], key);
  if (schema.anyOf?.[0]) return initialValue(schema.anyOf[0], key);
  switch (typeOf(schema)) {
    case 'string':
      return schema.enum?.length ? toJson(schema.enum[0]) : '';
    case 'number':
    case 'integer':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    case 'array': {
      const items: JsonValue[] = [];
      for (let i = 0; i < (schema.minItems ?? 0); i++) items.push(schema.items ? newListItem(schema.items, items, key) : null);
      return items;
    }
    case 'object': {
      const out: JsonObject = {};
      for (const name of schema.required ?? []) {
        const property = schema.properties?.[name];
        const value = property ? initialValue(property, name) : undefined;
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/**
 * A new item for a list: required fields, a fresh `id` when items have one (a button's id is its
 * output), and a readable title or label ("Button 3") so the new output is named on the canvas.
 */
export function newListItem(items: JsonSchema, existing: readonly unknown[], listKey: string): JsonValue {
  const value = initialValue(items, singular(listKey));
  if (!isObject(value) || !items.properties) return value ?? null;
  const name = singular(listKey);
  if (items.properties.id && typeOf(items.properties.id) === 'string') {
    const taken = new Set(existing.flatMap((item) => (isObject(item) && typeof item.id === 'string' ? [item.id] : [])));
    value.id = uniqueId(name.replace(/[^A-Za-z0-9_]/g, ''), taken);
  }
  for (const key of ['title', 'label']) {
    const property = items.properties[key];
    if (property && typeOf(property) === 'string' && items.required?.includes(key) && value[key] === '') value[key] = `${humanize(name)} ${existing.length + 1}`;
  }
  return value;
}

export function initialConfig(schema: JsonSchema): JsonObject {
  const value = initialValue(schema);
  return isObject(value) ? toJsonObjectShallow(value) : {};
}

function toJsonObjectShallow(value: { [key: string]: JsonValue }): JsonObject {
  return { ...value };
}
