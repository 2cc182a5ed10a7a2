import { type JsonValue, type Variables, lookupPath } from '@parley/shared';
import { type BinaryOperator, type Expr, type Result, fail, ok } from './ast';
import { FUNCTIONS, callProblem } from './functions';
import { compareValues, finite, sameValue, toNumber, toText, truthy } from './values';

/** What an expression can see: the conversation's variables and the turn's clock. */
export interface Scope {
  vars: Readonly<Variables>;
  now: Date;
}

/** An unset variable is null; names Object.prototype happens to have ("constructor") are not variables. */
function readVariable(vars: Readonly<Variables>, path: string): JsonValue {
  const value = lookupPath(vars, path);
  return value === undefined || typeof value === 'function' ? null : value;
}

function arithmetic(operator: '-' | '*' | '/' | '%', a: number, b: number, position: number): Result<JsonValue> {
  if ((operator === '/' || operator === '%') && b === 0) return fail('Division by zero', position);
  switch (operator) {
    case '-':
      return finite(a - b, position);
    case '*':
      return finite(a * b, position);
    case '/':
      return finite(a / b, position);
    case '%':
      return finite(a % b, position);
  }
}

function applyBinary(operator: Exclude<BinaryOperator, '&&' | '||'>, a: JsonValue, b: JsonValue, position: number): Result<JsonValue> {
  switch (operator) {
    case '==':
      return ok(sameValue(a, b));
    case '!=':
      return ok(!sameValue(a, b));
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const order = compareValues(a, b, position);
      if (!order.ok) return order;
      const d = order.value;
      return ok(operator === '<' ? d < 0 : operator === '<=' ? d <= 0 : operator === '>' ? d > 0 : d >= 0);
    }
    case '+':
      // Text on either side makes + join text, so "Hello " + name reads naturally.
      if (typeof a === 'string' || typeof b === 'string') return ok(toText(a) + toText(b));
      break;
  }
  const x = toNumber(a, position);
  if (!x.ok) return x;
  const y = toNumber(b, position);
  if (!y.ok) return y;
  return operator === '+' ? finite(x.value + y.value, position) : arithmetic(operator, x.value, y.value, position);
}

function evaluateAll(exprs: readonly Expr[], scope: Scope): Result<JsonValue[]> {
  const values: JsonValue[] = [];
  for (const expr of exprs) {
    const value = evaluate(expr, scope);
    if (!value.ok) return value;
    values.push(value.value);
  }
  return ok(values);
}

function evaluateCall(expr: Extract<Expr, { kind: 'call' }>, scope: Scope): Result<JsonValue> {
  const problem = callProblem(expr.name, expr.args.length, expr.position);
  if (problem) return problem;
  const [test, then, otherwise] = expr.args;
  if (expr.name === 'if' && test && then && otherwise) {
    // Only the branch taken is evaluated, so if(n == 0, 0, total / n) never divides by zero.
    const condition = evaluate(test, scope);
    if (!condition.ok) return condition;
    return evaluate(truthy(condition.value) ? then : otherwise, scope);
  }
  const fn = FUNCTIONS.get(expr.name);
  if (!fn) return fail(`Unknown function '${expr.name}'`, expr.position);
  const args = evaluateAll(expr.args, scope);
  if (!args.ok) return args;
  return fn.apply(args.value, { name: expr.name, position: expr.position, now: scope.now });
}

/** Computes an expression's value; failures (division by zero, wrong types) are values, never exceptions. */
export function evaluate(expr: Expr, scope: Scope): Result<JsonValue> {
  switch (expr.kind) {
    case 'literal':
      return ok(expr.value);
    case 'variable':
      return ok(readVariable(scope.vars, expr.path));
    case 'unary': {
      const operand = evaluate(expr.operand, scope);
      if (!operand.ok) return operand;
      if (expr.operator === '!') return ok(!truthy(operand.value));
      const number = toNumber(operand.value, expr.position);
      if (!number.ok) return number;
      return ok(expr.operator === '-' ? 0 - number.value : number.value);
    }
    case 'binary': {
      const left = evaluate(expr.left, scope);
      if (!left.ok) return left;
      const { operator } = expr;
      if (operator === '&&' || operator === '||') {
        // Short-circuit: the right side is only evaluated when it decides the result.
        if (truthy(left.value) === (operator === '||')) return ok(operator === '||');
        const right = evaluate(expr.right, scope);
        return right.ok ? ok(truthy(right.value)) : right;
      }
      const right = evaluate(expr.right, scope);
      if (!right.ok) return right;
      return applyBinary(operator, left.value, right.value, expr.position);
    }
    case 'conditional': {
      const test = evaluate(expr.test, scope);
      if (!test.ok) return test;
      return evaluate(truthy(test.value) ? expr.then : expr.otherwise, scope);
    }
    case 'call':
      return evaluateCall(expr, scope);
  }
}

/** Unknown functions and wrong argument counts anywhere in an expression, found before it ever runs. */
export function checkCalls(expr: Expr): Result<Expr> {
  const children: Expr[] =
    expr.kind === 'unary'
      ? [expr.operand]
      : expr.kind === 'binary'
        ? [expr.left, expr.right]
        : expr.kind === 'conditional'
          ? [expr.test, expr.then, expr.otherwise]
          : expr.kind === 'call'
            ? expr.args
            : [];
  if (expr.kind === 'call') {
    const problem = callProblem(expr.name, expr.args.length, expr.position);
    if (problem) return problem;
  }
  for (const child of children) {
    const checked = checkCalls(child);
    if (!checked.ok) return checked;
  }
  return ok(expr);
}
