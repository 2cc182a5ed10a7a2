import { describe, expect, it } from 'vitest';
import { lookupPath, renderTemplate, templateVariables } from './template';

describe('templates', () => {
  it('fills variables, nested paths and defaults', () => {
    const vars = { name: 'Ana', product: { title: 'Balance Tint', price: 22 }, empty: '' };
    expect(renderTemplate('Hi {{name}}!', vars)).toBe('Hi Ana!');
    expect(renderTemplate('{{ product.title }} at ${{product.price}}', vars)).toBe('Balance Tint at $22');
    expect(renderTemplate('Hi {{nickname | there}}', vars)).toBe('Hi there');
    expect(renderTemplate('Hi {{empty | friend}}', vars)).toBe('Hi friend');
    expect(renderTemplate('Hi {{missing}}.', vars)).toBe('Hi .');
    expect(renderTemplate('no tags', vars)).toBe('no tags');
  });

  it('prefers a flat dotted variable to a nested field', () => {
    expect(lookupPath({ 'quiz.outcome': 'dry', quiz: { outcome: 'oily' } }, 'quiz.outcome')).toBe('dry');
    expect(lookupPath({ list: ['a', 'b'] }, 'list.1')).toBe('b');
    expect(lookupPath({ a: { b: 1 } }, 'constructor')).toBeUndefined();
    expect(lookupPath({ a: { b: 1 } }, 'a.toString')).toBeUndefined();
  });

  it('lists the paths a template reads', () => {
    expect(templateVariables('{{a}} and {{ b.c | x }}')).toEqual(['a', 'b.c']);
    expect(templateVariables('{{a}} and {{ b.c | x }}', { withDefaults: false })).toEqual(['a']);
  });

  it('reads an overlay first, as if laid on the scope', () => {
    const scope = { name: 'Ada', product: { title: 'Scope' }, 'a.b': 'flat' };
    const over = { product: { title: 'Card', price: 3 } };
    expect(renderTemplate('{{name}}: {{product.title}} {{product.price}} {{a.b}}', scope, over)).toBe('Ada: Card 3 flat');
    expect(renderTemplate('{{constructor | none}} {{product.missing | -}}', scope, over)).toBe('none -');
  });

  it('hides, under a name the overlay has, what the scope has there, flat dotted names too', () => {
    const scope = { 'product.title': 'a variable', 'product.note': 'another', 'a.b': 'flat' };
    const over = { product: { title: 'Card' } };
    expect(renderTemplate('{{product.title}}|{{product.note}}|{{a.b}}', scope, over)).toBe('Card||flat');
    // The overlay's own flat name still wins over its nested field.
    expect(renderTemplate('{{product.title}}', scope, { product: { title: 'nested' }, 'product.title': 'flat' })).toBe('flat');
  });
});
