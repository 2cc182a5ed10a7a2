/**
 * Copies of plain records, for node code that runs on every turn. On Node 20's V8 an object made by
 * spreading (`{ ...record }`) gets a hidden class outside the transition tree, so each key then added to
 * it (`{ ...answers, [id]: title }`) made a new hidden class on every call: kept in old space, and a
 * deoptimization for every function that had seen the previous one. These copy key by key into `{}`,
 * whose hidden classes V8 shares.
 */
export function copyRecord<V>(...records: readonly Readonly<Record<string, V>>[]): Record<string, V> {
  const copy: Record<string, V> = {};
  for (const record of records)
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const value = record[key];
      if (value !== undefined) copy[key] = value;
    }
  return copy;
}

/** `{ ...record, [key]: value }`, copied as `copyRecord` does. */
export function withEntry<V>(record: Readonly<Record<string, V>>, key: string, value: V): Record<string, V> {
  const copy = copyRecord(record);
  copy[key] = value;
  return copy;
}
