/**
 * Strings as V8 keeps property names ("internalized"). A flow's configs name variables (`saveAs`,
 * `{{skin}}`) that the engine uses as object keys on every turn. Strings parsed from JSON or cut out of
 * a template are not internalized, and V8 (Node 20) looks such a key up in its string table each time
 * it is used; an internalized one it recognises at once.
 */

/** Longer strings are texts, not names: left as they are. */
const NAME_LIMIT = 200;

/** `name`, internalized: the engine's property keys come out of a property name. */
export function internName(name: string): string {
  if (name.length > NAME_LIMIT) return name;
  for (const key in { [name]: true }) return key;
  return name;
}

/** A copy of a JSON-like value with its short strings and every key internalized (done once, when a flow is compiled). */
export function internStrings(value: unknown): unknown {
  if (typeof value === 'string') return internName(value);
  if (Array.isArray(value)) return value.map(internStrings);
  if (typeof value !== 'object' || value === null) return value;
  // fromEntries defines each key as its own property, a "__proto__" key included.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, internStrings(item)]));
}
