import type Database from 'better-sqlite3';
import { Param, Placeholder, is } from 'drizzle-orm';

type Query = { toSQL(): { sql: string; params: unknown[] } };

/** The query's SQL and the names of its placeholders, in the order of its `?`s. */
function withPlaceholders(query: Query, caller: string): { sql: string; names: string[] } {
  const { sql, params } = query.toSQL();
  const names = params.map((param) => {
    // Values arrive wrapped with their column's encoder; the hot statements bind text and integers as they are.
    const placeholder = is(param, Param) ? param.value : param;
    if (is(placeholder, Placeholder)) return placeholder.name;
    throw new Error(`${caller} needs placeholders only, got ${String(param)} in: ${sql}`);
  });
  return { sql, names };
}

/**
 * A statement for the per-message hot path: the SQL is still built by drizzle from the schema, then
 * prepared once with named parameters, so each run binds an object without drizzle's per-call mapping.
 */
export function namedStatement(sqlite: Database.Database, query: Query): Database.Statement {
  const { sql, names } = withPlaceholders(query, 'namedStatement');
  let index = 0;
  return sqlite.prepare(sql.replace(/\?/g, () => `@${names[index++]}`));
}

/**
 * As `namedStatement`, bound by position: `order` names the placeholders in the order of the values
 * each run passes (checked against the SQL once, here). Positional binding skips looking up each
 * name on an object: the turn row, written on every message, is bound this way.
 */
export function positionalStatement(sqlite: Database.Database, query: Query, order: readonly string[], options: { orFail?: boolean } = {}): Database.Statement {
  const { sql, names } = withPlaceholders(query, 'positionalStatement');
  if (names.join() !== order.join()) throw new Error(`positionalStatement: the SQL binds ${names.join(', ')}, not ${order.join(', ')}`);
  return sqlite.prepare(options.orFail ? insertOrFail(sql) : sql);
}

/**
 * `INSERT OR FAIL`: a constraint that fails stops the statement without undoing what it already
 * changed. For an insert whose constraints are all checked before it writes anything (its own
 * columns and indexes, with AFTER triggers), that is the same outcome as the default ABORT; but
 * SQLite then keeps no statement journal for it, which an insert that fires a trigger otherwise
 * fills with a copy of each page it touches (measured on the turn row: ~10% of its SQLite work).
 * I/O errors still roll the whole transaction back.
 */
function insertOrFail(sql: string): string {
  if (!/^insert into /i.test(sql)) throw new Error(`positionalStatement: orFail needs an insert, got: ${sql}`);
  return sql.replace(/^insert into /i, 'insert or fail into ');
}
