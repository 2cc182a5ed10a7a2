/**
 * Something made once per store (or per drizzle handle) and kept while it lives: prepared queries
 * above all. The scheduler runs a handful of queries every second; building their SQL with drizzle's
 * query builder each time cost ~2 ms of the event loop per tick under load, and kept the builder hot
 * enough for V8 to compile it again and again on the threads a loaded server needs.
 */
export function perStore<K extends object, T>(make: (key: K) => T): (key: K) => T {
  const made = new WeakMap<K, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}
