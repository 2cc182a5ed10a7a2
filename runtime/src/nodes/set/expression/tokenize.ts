import { type Result, fail, ok } from './ast';

export type Token =
  | { kind: 'number'; value: number; text: string; position: number }
  | { kind: 'string'; value: string; text: string; position: number }
  | { kind: 'name' | 'operator'; text: string; position: number }
  | { kind: 'end'; text: ''; position: number };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '!', '?', ':', '(', ')', ','];
const NUMBER = /\d+(?:\.\d+)?/y;
// Variable names with dotted paths (`contact.name`, `items.0.price`), as flow variables are named.
const NAME = /[A-Za-z_]\w*(?:\.\w+)*/y;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r' };

/** How a token reads in an error message. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'end of the expression';
    case 'string':
      return `text ${token.text.length > 24 ? `${token.text.slice(0, 20)}…` : token.text}`;
    case 'number':
      return `number ${token.text}`;
    default:
      return `'${token.text}'`;
  }
}

function readString(source: string, start: number): Result<Token> {
  const quote = source[start];
  let value = '';
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i] ?? '';
    if (ch === quote) return ok({ kind: 'string', value, text: source.slice(start, i + 1), position: start + 1 });
    if (ch === '\\') {
      i++;
      const escaped = source[i] ?? '';
      value += ESCAPES[escaped] ?? escaped;
    } else value += ch;
  }
  return fail(`The text starting with ${quote} is never closed`, start + 1, `end it with ${quote}`);
}

function readMatch(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

/** Splits an expression into tokens, ending with an `end` token. */
export function tokenize(source: string): Result<Token[]> {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    const position = i + 1;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const string = readString(source, i);
      if (!string.ok) return string;
      tokens.push(string.value);
      i += string.value.text.length;
      continue;
    }
    const number = readMatch(NUMBER, source, i);
    if (number !== undefined) {
      tokens.push({ kind: 'number', value: Number(number), text: number, position });
      i += number.length;
      continue;
    }
    const name = readMatch(NAME, source, i);
    if (name !== undefined) {
      tokens.push({ kind: 'name', text: name, position });
      i += name.length;
      continue;
    }
    const operator = OPERATORS.find((op) => source.startsWith(op, i));
    if (operator !== undefined) {
      tokens.push({ kind: 'operator', text: operator, position });
      i += operator.length;
      continue;
    }
    if (ch === '=') return fail("Unexpected '='", position, "write '==' to compare");
    if (ch === '&' || ch === '|') return fail(`Unexpected '${ch}'`, position, `write '${ch}${ch}'`);
    return fail(`Unexpected '${String.fromCodePoint(source.codePointAt(i) ?? 0)}'`, position);
  }
  tokens.push({ kind: 'end', text: '', position: source.length + 1 });
  return ok(tokens);
}
