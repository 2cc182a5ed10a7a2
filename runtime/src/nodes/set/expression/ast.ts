import type { JsonValue } from '@parley/shared';

/** Where an expression went wrong. `position` counts characters from 1, as people do, and the message says it too. */
export interface ExpressionError {
  message: string;
  position: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ExpressionError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failure at `position`; the hint follows the position ("Unexpected '=' at position 3; write '==' to compare"). */
export function fail(problem: string, position: number, hint?: string): { ok: false; error: ExpressionError } {
  return { ok: false, error: { message: `${problem} at position ${position}${hint ? `; ${hint}` : ''}`, position } };
}

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';
export type UnaryOperator = '!' | '-' | '+';

/** The parsed expression. Every node keeps the position of its operator or first character, for error messages. */
export type Expr =
  | { kind: 'literal'; value: JsonValue; position: number }
  | { kind: 'variable'; path: string; position: number }
  | { kind: 'unary'; operator: UnaryOperator; operand: Expr; position: number }
  | { kind: 'binary'; operator: BinaryOperator; left: Expr; right: Expr; position: number }
  | { kind: 'conditional'; test: Expr; then: Expr; otherwise: Expr; position: number }
  | { kind: 'call'; name: string; args: Expr[]; position: number };
