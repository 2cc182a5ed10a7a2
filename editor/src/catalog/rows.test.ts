import { type Product, productSchema } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { describeOptions, filterGroups, groupCatalog, thumbnailOf } from './rows';

const product = (input: Partial<Product> & { sku: string }): Product => productSchema.parse({ title: input.sku, price: 10, currency: 'EUR', ...input });

const catalog = [
  product({ sku: 'BAG', title: 'Le Sillage', attributes: { finish: 'Smooth calfskin' } }),
  product({ sku: 'TEE', title: 'Tee' }),
  product({ sku: 'BAG-NC', title: 'Le Sillage', variantOf: 'BAG', options: { Colour: 'Noir', Strap: 'Chain' }, stock: 1 }),
  product({ sku: 'TEE-S', title: 'Tee', variantOf: 'TEE', options: { Size: 'S' } }),
  product({ sku: 'BAG-CL', title: 'Le Sillage', variantOf: 'BAG', options: { Colour: 'Cognac', Strap: 'Leather' } }),
  product({ sku: 'LOST', title: 'Lost variant', variantOf: 'GONE', options: { Size: 'M' } }),
];

describe('grouping the catalog', () => {
  it('puts each variant under its product, in catalog order, wherever it appears in the file', () => {
    const groups = groupCatalog(catalog);
    expect(groups.map((g) => [g.product.sku, g.variants.map((v) => v.sku)])).toEqual([
      ['BAG', ['BAG-NC', 'BAG-CL']],
      ['TEE', ['TEE-S']],
      ['LOST', []],
    ]);
  });

  it('keeps a variant whose product is missing as a row of its own rather than hiding it', () => {
    const groups = groupCatalog(catalog);
    expect(groups.flatMap((g) => [g.product, ...g.variants])).toHaveLength(catalog.length);
  });

  it('is empty for an empty catalog', () => {
    expect(groupCatalog([])).toEqual([]);
  });
});

describe('searching the catalog', () => {
  const groups = groupCatalog(catalog);
  const shown = (query: string) => filterGroups(groups, query).map((g) => [g.product.sku, g.variants.map((v) => v.sku), g.hiddenVariants]);

  it('keeps every variant of a product that matches', () => {
    expect(shown('sillage')).toEqual([['BAG', ['BAG-NC', 'BAG-CL'], 0]]);
  });

  it('shows a product with only its matching variants, saying how many are left out', () => {
    expect(shown('cognac')).toEqual([['BAG', ['BAG-CL'], 1]]);
  });

  it('needs every word, ignores case and accents, and searches SKUs and attributes', () => {
    expect(shown('NOIR chain')).toEqual([['BAG', ['BAG-NC'], 1]]);
    expect(shown('noir leather')).toEqual([]);
    expect(shown('tee-s')).toEqual([['TEE', ['TEE-S'], 0]]);
    expect(shown('calfskín')).toEqual([['BAG', ['BAG-NC', 'BAG-CL'], 0]]);
  });

  it('shows everything for an empty search', () => {
    expect(filterGroups(groups, '  ')).toHaveLength(3);
  });
});

describe('what a row shows', () => {
  it('takes imageUrl for the thumbnail, else the first image', () => {
    expect(thumbnailOf(product({ sku: 'A', imageUrl: 'https://a/1.png', images: ['https://a/2.png'] }))).toBe('https://a/1.png');
    expect(thumbnailOf(product({ sku: 'B', images: ['https://b/2.png', 'https://b/3.png'] }))).toBe('https://b/2.png');
    expect(thumbnailOf(product({ sku: 'C' }))).toBeUndefined();
  });

  it('writes option values in order', () => {
    expect(describeOptions({ Colour: 'Noir', Strap: 'Chain' })).toBe('Colour: Noir · Strap: Chain');
  });
});
