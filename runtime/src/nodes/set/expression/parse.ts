import { type BinaryOperator, type Expr, type Result, type UnaryOperator, fail, ok } from './ast';
import { type Token, describeToken, tokenize } from './tokenize';

/** Limits that keep a pasted or generated expression from exhausting the stack or the CPU. */
export const MAX_EXPRESSION_LENGTH = 2_000;
export const MAX_EXPRESSION_DEPTH = 50;

// Binding powers, loosest first; all binary operators associate to the left.
const BINARY_ENTRIES: [BinaryOperator, number][] = [
  ['||', 2],
  ['&&', 3],
  ['==', 4],
  ['!=', 4],
  ['<', 5],
  ['<=', 5],
  ['>', 5],
  ['>=', 5],
  ['+', 6],
  ['-', 6],
  ['*', 7],
  ['/', 7],
  ['%', 7],
];
const BINARY_POWER: ReadonlyMap<string, { operator: BinaryOperator; power: number }> = new Map(
  BINARY_ENTRIES.map(([operator, power]) => [operator, { operator, power }]),
);
const TERNARY_POWER = 1;
const PREFIX_POWER = 8;
const PREFIX: ReadonlyMap<string, UnaryOperator> = new Map([
  ['!', '!'],
  ['-', '-'],
  ['+', '+'],
]);
const KEYWORDS: ReadonlyMap<string, boolean | null> = new Map([
  ['true', true],
  ['false', false],
  ['null', null],
]);

interface Parser {
  tokens: Token[];
  index: number;
}

const END: Token = { kind: 'end', text: '', position: 1 };

function peek(parser: Parser): Token {
  return parser.tokens[parser.index] ?? parser.tokens[parser.tokens.length - 1] ?? END;
}

function take(parser: Parser): Token {
  const token = peek(parser);
  if (token.kind !== 'end') parser.index++;
  return token;
}

function isOperator(token: Token, text: string): boolean {
  return token.kind === 'operator' && token.text === text;
}

function unexpected(token: Token): { ok: false; error: { message: string; position: number } } {
  return fail(`Unexpected ${describeToken(token)}`, token.position);
}

function expect(parser: Parser, text: string): Result<Token> {
  const token = peek(parser);
  if (!isOperator(token, text)) return fail(`Expected '${text}' but found ${describeToken(token)}`, token.position);
  return ok(take(parser));
}

function parseCall(parser: Parser, name: Token, depth: number): Result<Expr> {
  take(parser); // the '('
  const args: Expr[] = [];
  if (isOperator(peek(parser), ')')) take(parser);
  else
    for (;;) {
      const arg = parseBelow(parser, 0, depth + 1);
      if (!arg.ok) return arg;
      args.push(arg.value);
      const separator = peek(parser);
      if (isOperator(separator, ')')) {
        take(parser);
        break;
      }
      if (!isOperator(separator, ',')) return fail(`Expected ',' or ')' but found ${describeToken(separator)}`, separator.position);
      take(parser);
    }
  return ok({ kind: 'call', name: name.text, args, position: name.position });
}

/** A value, a prefix operator with its operand, a call, or a parenthesised expression. */
function parsePrefix(parser: Parser, depth: number): Result<Expr> {
  const token = take(parser);
  const { position } = token;
  switch (token.kind) {
    case 'number':
    case 'string':
      return ok({ kind: 'literal', value: token.value, position });
    case 'name': {
      const keyword = KEYWORDS.get(token.text);
      if (keyword !== undefined) return ok({ kind: 'literal', value: keyword, position });
      if (isOperator(peek(parser), '(')) return parseCall(parser, token, depth);
      return ok({ kind: 'variable', path: token.text, position });
    }
    case 'operator': {
      if (token.text === '(') {
        const inner = parseBelow(parser, 0, depth + 1);
        if (!inner.ok) return inner;
        const close = expect(parser, ')');
        return close.ok ? inner : close;
      }
      const operator = PREFIX.get(token.text);
      if (operator === undefined) return unexpected(token);
      const operand = parseBelow(parser, PREFIX_POWER, depth + 1);
      return operand.ok ? ok({ kind: 'unary', operator, operand: operand.value, position }) : operand;
    }
    case 'end':
      return fail('Unexpected end of the expression', position);
  }
}

/** Pratt parsing: an expression whose operators all bind tighter than `minPower`. */
function parseBelow(parser: Parser, minPower: number, depth: number): Result<Expr> {
  if (depth > MAX_EXPRESSION_DEPTH) return fail(`The expression nests more than ${MAX_EXPRESSION_DEPTH} levels deep`, peek(parser).position);
  const first = parsePrefix(parser, depth);
  if (!first.ok) return first;
  let left = first.value;
  for (;;) {
    const token = peek(parser);
    if (token.kind !== 'operator') break;
    if (token.text === '?') {
      if (TERNARY_POWER <= minPower) break;
      take(parser);
      const then = parseBelow(parser, 0, depth + 1);
      if (!then.ok) return then;
      const colon = expect(parser, ':');
      if (!colon.ok) return colon;
      // Parsing the else branch at the ternary's own level makes `a ? b : c ? d : e` nest to the right.
      const otherwise = parseBelow(parser, TERNARY_POWER - 1, depth + 1);
      if (!otherwise.ok) return otherwise;
      left = { kind: 'conditional', test: left, then: then.value, otherwise: otherwise.value, position: token.position };
      continue;
    }
    const binary = BINARY_POWER.get(token.text);
    if (binary === undefined || binary.power <= minPower) break;
    take(parser);
    const right = parseBelow(parser, binary.power, depth + 1);
    if (!right.ok) return right;
    left = { kind: 'binary', operator: binary.operator, left, right: right.value, position: token.position };
  }
  return ok(left);
}

/** Parses an expression into its tree, or says what is wrong and where. */
export function parseExpression(source: string): Result<Expr> {
  if (source.length > MAX_EXPRESSION_LENGTH)
    return fail(`The expression is longer than ${MAX_EXPRESSION_LENGTH} characters`, MAX_EXPRESSION_LENGTH + 1);
  if (source.trim() === '') return { ok: false, error: { message: 'The expression is empty', position: 1 } };
  const tokens = tokenize(source);
  if (!tokens.ok) return tokens;
  const parser: Parser = { tokens: tokens.value, index: 0 };
  const expr = parseBelow(parser, 0, 1);
  if (!expr.ok) return expr;
  const rest = peek(parser);
  return rest.kind === 'end' ? expr : unexpected(rest);
}
