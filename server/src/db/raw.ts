import type Database from 'better-sqlite3';
import { Param, Placeholder, is } from 'drizzle-orm';

/**
 * A statement for the per-message hot path: the SQL is still built by drizzle from the schema, then
 * prepared once with named parameters, so each run binds an object without drizzle's per-call mapping.
 */
export function namedStatement(sqlite: Database.Database, query: { toSQL(): { sql: string; params: unknown[] } }): Database.Statement {
  const { sql, params } = query.toSQL();
  let index = 0;
  const text = sql.replace(/\?/g, () => {
    const param = params[index++];
    // Values arrive wrapped with their column's encoder; the hot statements bind text and integers as they are.
    const placeholder = is(param, Param) ? param.value : param;
    if (is(placeholder, Placeholder)) return `@${placeholder.name}`;
    throw new Error(`namedStatement needs placeholders only, got ${String(param)} in: ${sql}`);
  });
  return sqlite.prepare(text);
}
