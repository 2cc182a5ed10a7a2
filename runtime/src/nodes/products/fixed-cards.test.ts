import { productSchema } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { fixedPerProducts, readsOnlyProduct } from './fixed-cards';

const product = (sku: string) => productSchema.parse({ sku, title: sku, price: 1, currency: 'USD' });
const a = product('A');
const b = product('B');
const c = product('C');

describe('cards made once per list of products', () => {
  it('tells templates that read only the product from those that read more', () => {
    expect(readsOnlyProduct(['{{product.title}}', '${{product.price | 0}}', 'Buy', '{{product}}'])).toBe(true);
    expect(readsOnlyProduct(['{{product.title}} for {{skin}}'])).toBe(false);
    expect(readsOnlyProduct(['{{products.0}}'])).toBe(false);
  });

  it('makes a value once per product-only setting and list, in order, frozen; otherwise, and past its limit, afresh each time', () => {
    const once = fixedPerProducts<{ templates: string[] }, { skus: string[] }>((s) => s.templates, 3);
    const setting = { templates: ['{{product.title}}'] };
    let made = 0;
    const make = (list: (typeof a)[]) => () => {
      made++;
      return { skus: list.map((p) => p.sku) };
    };
    const ab = once(setting, [a, b], make([a, b]));
    expect(ab).toEqual({ skus: ['A', 'B'] });
    expect(once(setting, [a, b], make([a, b]))).toBe(ab);
    expect(Object.isFrozen(ab)).toBe(true);
    expect(made).toBe(1);
    // Another order, another setting: values of their own.
    expect(once(setting, [b, a], make([b, a]))).toEqual({ skus: ['B', 'A'] });
    expect(once({ templates: [] }, [a, b], make([a, b]))).not.toBe(ab);
    expect(made).toBe(3);
    // The setting has used its three steps (a, a→b, b): a list needing a new step is made each time.
    const first = once(setting, [c], make([c]));
    expect(once(setting, [c], make([c]))).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(false);
    expect(once(setting, [a, b], make([a, b]))).toBe(ab);
    // A setting whose texts read an answer: made on every call, never frozen.
    const answered = { templates: ['For {{skin}} skin'] };
    const each = once(answered, [a], make([a]));
    expect(once(answered, [a], make([a]))).not.toBe(each);
    expect(Object.isFrozen(each)).toBe(false);
  });
});
