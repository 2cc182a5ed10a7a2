/**
 * Reads values out of a node's raw data by a small path language: `variable`, `target.nodeId`,
 * `mappings[].variable` (every item's field). Used on untyped data by validation and the editor.
 */
export function valuesAt(data: unknown, path: string): unknown[] {
  let current: unknown[] = [data];
  for (const segment of path.split('.')) {
    const each = segment.endsWith('[]');
    const key = each ? segment.slice(0, -2) : segment;
    const nextValues: unknown[] = [];
    for (const value of current) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      const field: unknown = Reflect.get(value, key);
      if (each) {
        if (Array.isArray(field)) nextValues.push(...field);
      } else if (field !== undefined) nextValues.push(field);
    }
    current = nextValues;
  }
  return current;
}

export function stringsAt(data: unknown, path: string): string[] {
  return valuesAt(data, path).filter((value): value is string => typeof value === 'string' && value !== '');
}

/** Every string anywhere inside a value, for finding `{{templates}}`. */
export function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) allStrings(item, out);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) allStrings(item, out);
  return out;
}
