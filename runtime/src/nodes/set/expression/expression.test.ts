import type { JsonValue, Variables } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_DEPTH, compileExpression, parseExpression, runExpression } from '.';

const now = new Date('2026-03-02T10:00:00Z');

/** The value of an expression, or fails the test with its error. */
function value(source: string, vars: Variables = {}): JsonValue {
  const result = runExpression(source, { vars, now });
  if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
  return result.value;
}

/** The error of an expression that must fail, parsing or running. */
function error(source: string, vars: Variables = {}) {
  const result = runExpression(source, { vars, now });
  if (result.ok) throw new Error(`${source} should fail but gave ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('expression literals and variables', () => {
  it('reads numbers, text in either quotes, booleans and null', () => {
    expect(value('42')).toBe(42);
    expect(value('3.25')).toBe(3.25);
    expect(value('"double"')).toBe('double');
    expect(value("'single'")).toBe('single');
    expect(value('"it\'s \\"quoted\\"\\n"')).toBe('it\'s "quoted"\n');
    expect(value("'a\\\\b'")).toBe('a\\b');
    expect(value('true')).toBe(true);
    expect(value('false')).toBe(false);
    expect(value('null')).toBe(null);
  });

  it('reads variables by name and dotted path; unset ones are null', () => {
    const vars = { name: 'Ana', contact: { address: { city: 'Lyon' } }, items: [{ price: 5 }, { price: 7 }], 'order.id': 'A1' };
    expect(value('name', vars)).toBe('Ana');
    expect(value('contact.address.city', vars)).toBe('Lyon');
    expect(value('items.1.price', vars)).toBe(7);
    expect(value('order.id', vars)).toBe('A1');
    expect(value('missing', vars)).toBe(null);
    expect(value('contact.phone', vars)).toBe(null);
    expect(value('constructor', vars)).toBe(null);
    expect(value('contact.constructor', vars)).toBe(null);
    expect(value('items', vars)).toEqual([{ price: 5 }, { price: 7 }]);
  });
});

describe('expression operators', () => {
  it('follows arithmetic precedence', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('10 - 4 / 2')).toBe(8);
    expect(value('7 % 4 * 2')).toBe(6);
    expect(value('-2 * 3')).toBe(-6);
    expect(value('- (2 + 3)')).toBe(-5);
    expect(value('2 * -3')).toBe(-6);
    expect(value('+"4" + 1')).toBe(5);
  });

  it('associates to the left', () => {
    expect(value('10 - 4 - 3')).toBe(3);
    expect(value('100 / 10 / 5')).toBe(2);
    expect(value('2 * 9 % 4')).toBe(2);
    expect(value('"a" + 1 + 2')).toBe('a12');
    expect(value('1 + 2 + "a"')).toBe('3a');
  });

  it('joins text with + when either side is text', () => {
    expect(value('"Hello " + name', { name: 'Ana' })).toBe('Hello Ana');
    expect(value('"n=" + 5')).toBe('n=5');
    expect(value('"x" + missing')).toBe('x');
    expect(value('"5" + 1')).toBe('51');
    expect(value('"5" * 2')).toBe(10);
  });

  it('treats unset variables as 0 in arithmetic, so counters can start from nothing', () => {
    expect(value('count + 1')).toBe(1);
    expect(value('count + 1', { count: 4 })).toBe(5);
  });

  it('compares numbers, numeric text and text', () => {
    expect(value('1 < 2')).toBe(true);
    expect(value('2 <= 2')).toBe(true);
    expect(value('3 > 4')).toBe(false);
    expect(value('4 >= 5')).toBe(false);
    expect(value('"9" < "10"')).toBe(true);
    expect(value('"apple" < "banana"')).toBe(true);
    expect(value('visit >= "2026-03-01"', { visit: '2026-03-02' })).toBe(true);
    expect(value('age == 30', { age: '30' })).toBe(true);
    expect(value('"a" == "A"')).toBe(false);
    expect(value('"0612" == "612"')).toBe(false);
    expect(value('tags == tags2', { tags: ['a', 'b'], tags2: ['a', 'b'] })).toBe(true);
    expect(value('missing == null')).toBe(true);
    expect(value('null == 0')).toBe(false);
    expect(value('1 != 2')).toBe(true);
    expect(value('1 + 1 == 2')).toBe(true);
    expect(value('1 < 2 == 2 > 1')).toBe(true);
  });

  it('combines conditions with && || ! and short-circuits', () => {
    expect(value('true && false || true')).toBe(true);
    expect(value('true || false && false')).toBe(true);
    expect(value('!(1 > 2) && 3 > 2')).toBe(true);
    expect(value('!!name', { name: 'x' })).toBe(true);
    expect(value('!""')).toBe(true);
    expect(value('!0')).toBe(true);
    expect(value('false && 1 / 0')).toBe(false);
    expect(value('true || 1 / 0')).toBe(true);
    expect(value('"x" && 5')).toBe(true);
  });

  it('chooses with a ? b : c, nesting to the right', () => {
    expect(value('age >= 18 ? "adult" : "minor"', { age: 20 })).toBe('adult');
    expect(value('age >= 18 ? "adult" : "minor"', { age: 12 })).toBe('minor');
    expect(value('n > 10 ? "big" : n > 5 ? "medium" : "small"', { n: 7 })).toBe('medium');
    expect(value('a ? b ? 1 : 2 : 3', { a: true, b: false })).toBe(2);
    expect(value('1 + 1 == 2 ? 10 : 20 + 1')).toBe(10);
    expect(value('false ? 1 / 0 : 0')).toBe(0);
  });
});

describe('expression functions', () => {
  it('works on text', () => {
    expect(value('lower("ÉTÉ")')).toBe('été');
    expect(value('upper(name)', { name: 'ana' })).toBe('ANA');
    expect(value('trim("  hi  ")')).toBe('hi');
    expect(value('len("héllo")')).toBe(5);
    expect(value('len(tags)', { tags: ['a', 'b'] })).toBe(2);
    expect(value('len(missing)')).toBe(0);
    expect(value('concat("a", 1, true, missing, "b")')).toBe('a1trueb');
    expect(value('contains("Hello world", "world")')).toBe(true);
    expect(value('contains(lower("Hello"), "h")')).toBe(true);
    expect(value('contains(tags, "vip")', { tags: ['new', 'vip'] })).toBe(true);
    expect(value('contains(tags, 5)', { tags: ['5'] })).toBe(true);
    expect(value('contains(missing, "x")')).toBe(false);
    expect(value('string(12.5) + "!"')).toBe('12.5!');
  });

  it('works on numbers', () => {
    expect(value('round(2.5)')).toBe(3);
    expect(value('round(-2.5)')).toBe(-3);
    expect(value('round(1.005, 2)')).toBe(1.01);
    expect(value('round(1234.5, -2)')).toBe(1200);
    expect(value('round(total * 1.2, 2)', { total: 19.99 })).toBe(23.99);
    expect(value('floor(2.7)')).toBe(2);
    expect(value('ceil(2.1)')).toBe(3);
    expect(value('abs(-4)')).toBe(4);
    expect(value('min(3, 1, 2)')).toBe(1);
    expect(value('max(3, "7", 2)')).toBe(7);
    expect(value('max(scores)', { scores: [4, 9, 2] })).toBe(9);
    expect(value('number(" 42 ")')).toBe(42);
    expect(value('number(true)')).toBe(1);
    expect(value('number(missing)')).toBe(0);
  });

  it('tells the time and chooses lazily with if()', () => {
    expect(value('now()')).toBe('2026-03-02T10:00:00.000Z');
    expect(value('if(n == 0, 0, total / n)', { n: 0, total: 10 })).toBe(0);
    expect(value('if(n == 0, 0, total / n)', { n: 4, total: 10 })).toBe(2.5);
    expect(value('upper(if(vip, "gold", "standard"))', { vip: true })).toBe('GOLD');
  });
});

describe('expression parse errors', () => {
  const parseError = (source: string) => {
    const result = parseExpression(source);
    if (result.ok) throw new Error(`${source} should not parse`);
    return result.error;
  };

  it('names the unexpected token and its position, counted from 1', () => {
    expect(parseError('(1 + 2))')).toEqual({ message: "Unexpected ')' at position 8", position: 8 });
    expect(parseError('1 +')).toEqual({ message: 'Unexpected end of the expression at position 4', position: 4 });
    expect(parseError('1 2')).toEqual({ message: 'Unexpected number 2 at position 3', position: 3 });
    expect(parseError('a b')).toEqual({ message: "Unexpected 'b' at position 3", position: 3 });
    expect(parseError('* 2')).toEqual({ message: "Unexpected '*' at position 1", position: 1 });
    expect(parseError('"a" "b"')).toEqual({ message: 'Unexpected text "b" at position 5', position: 5 });
  });

  it('says what was expected', () => {
    expect(parseError('(1 + 2').message).toBe("Expected ')' but found end of the expression at position 7");
    expect(parseError('a ? b').message).toBe("Expected ':' but found end of the expression at position 6");
    expect(parseError('max(1 2)').message).toBe("Expected ',' or ')' but found number 2 at position 7");
  });

  it('explains characters it does not know', () => {
    expect(parseError('a = 1').message).toBe("Unexpected '=' at position 3; write '==' to compare");
    expect(parseError('a & b').message).toBe("Unexpected '&' at position 3; write '&&'");
    expect(parseError('a # b').message).toBe("Unexpected '#' at position 3");
    expect(parseError('"open').message).toBe('The text starting with " is never closed at position 1; end it with "');
    expect(parseError('1 + 😀').message).toBe("Unexpected '😀' at position 5");
    expect(parseError('   ').message).toBe('The expression is empty');
  });

  it('limits length and nesting', () => {
    expect(parseError('1+'.repeat(1_000) + '1').message).toBe('The expression is longer than 2000 characters at position 2001');
    expect(value('1+'.repeat(999) + '1')).toBe(1000);
    const nested = (levels: number) => `${'('.repeat(levels)}1${')'.repeat(levels)}`;
    expect(parseExpression(nested(MAX_EXPRESSION_DEPTH - 1)).ok).toBe(true);
    expect(parseError(nested(MAX_EXPRESSION_DEPTH + 5)).message).toBe(`The expression nests more than ${MAX_EXPRESSION_DEPTH} levels deep at position ${MAX_EXPRESSION_DEPTH + 1}`);
    expect(parseError('!'.repeat(200) + 'x').message).toMatch(/nests more than/);
    expect(parseError('-'.repeat(200) + '1').message).toMatch(/nests more than/);
  });

  it('finds unknown functions and wrong argument counts before running', () => {
    const compileError = (source: string) => {
      const result = compileExpression(source);
      if (result.ok) throw new Error(`${source} should not compile`);
      return result.error.message;
    };
    expect(compileError('1 + shout(name)')).toMatch(/^Unknown function 'shout' at position 5; use one of: if, lower, upper/);
    expect(compileError('round()')).toBe('round() takes 1 or 2 arguments but got 0 at position 1');
    expect(compileError('if(a, b)')).toBe('if() takes 3 arguments but got 2 at position 1');
    expect(compileError('lower(a, b)')).toBe('lower() takes 1 argument but got 2 at position 1');
    expect(compileError('max()')).toBe('max() takes at least 1 argument but got 0 at position 1');
    expect(compileError('constructor(1)')).toMatch(/^Unknown function 'constructor'/);
  });
});

describe('expression runtime errors', () => {
  it('are values with the position of the failing operation', () => {
    expect(error('10 / (n - 2)', { n: 2 })).toEqual({ message: 'Division by zero at position 4', position: 4 });
    expect(error('5 % 0').message).toBe('Division by zero at position 3');
    expect(error('"abc" * 2').message).toBe('Expected a number but got "abc" at position 7');
    expect(error('-tags', { tags: ['a'] }).message).toBe('Expected a number but got a list at position 1');
    expect(error('1 < "abc"').message).toBe('Cannot compare 1 with "abc" at position 3');
    expect(error('age < 18').message).toBe('Cannot compare nothing (an unset variable or null) with 18 at position 5');
    expect(error('number("twelve")').message).toBe('Cannot turn "twelve" into a number at position 1');
    expect(error('round(1.5, 0.5)').message).toBe('round() takes a whole number of digits from -15 to 15, not 0.5 at position 1');
    expect(error('min(list)', { list: [] }).message).toBe('min() needs at least one number at position 1');
    expect(error('big * big', { big: 1e200 }).message).toMatch(/^The result is too large to be a number/);
  });
});
