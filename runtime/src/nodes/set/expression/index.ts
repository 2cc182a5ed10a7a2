import type { JsonValue } from '@parley/shared';
import type { Expr, Result } from './ast';
import { type Scope, checkCalls, evaluate } from './evaluate';
import { parseExpression } from './parse';

export type { ExpressionError, Result } from './ast';
export { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, parseExpression } from './parse';
export type { Scope } from './evaluate';

const cache = new Map<string, Result<Expr>>();
const CACHE_LIMIT = 1_000;

/**
 * Parses an expression and checks its function calls; cached, since a set node runs the same
 * expression on every conversation that passes through it.
 */
export function compileExpression(source: string): Result<Expr> {
  const hit = cache.get(source);
  if (hit) return hit;
  const parsed = parseExpression(source);
  const compiled = parsed.ok ? checkCalls(parsed.value) : parsed;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, compiled);
  return compiled;
}

/** Parses (cached) and evaluates an expression in one go. */
export function runExpression(source: string, scope: Scope): Result<JsonValue> {
  const compiled = compileExpression(source);
  return compiled.ok ? evaluate(compiled.value, scope) : compiled;
}
