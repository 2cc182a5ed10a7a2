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
export function positionalStatement(sqlite: Database.Database, query: Query, order: readonly string[]): Database.Statement {
  const { sql, names } = withPlaceholders(query, 'positionalStatement');
  if (names.join() !== order.join()) throw new Error(`positionalStatement: the SQL binds ${names.join(', ')}, not ${order.join(', ')}`);
  return sqlite.prepare(sql);
}
