import { describe, expect, it } from 'vitest';
import { internName, internStrings } from './intern';

describe('internStrings', () => {
  it('copies a JSON value as it is, keys and nesting included', () => {
    const value = JSON.parse('{"saveAs":"skin","buttons":[{"id":"dry","title":"Dry skin"}],"n":3,"ok":true,"none":null,"__proto__":{"x":"y"}}');
    const copy = internStrings(value);
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
    // A "__proto__" key stays an own property: it does not set the copy's prototype.
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy as object)).toContain('__proto__');
  });

  it('keeps every name equal to what it was, long texts included', () => {
    for (const name of ['skin', '0', '12', 'a.b', '', '__proto__', 'constructor', 'x'.repeat(500)]) expect(internName(name)).toBe(name);
  });
});
