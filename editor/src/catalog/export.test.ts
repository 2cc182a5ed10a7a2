import { type Product, productSchema } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { csvCell, productsToCsv, productsToJson } from './export';

const product = (input: Partial<Product> & { sku: string }): Product => productSchema.parse({ title: input.sku, price: 10, currency: 'EUR', ...input });

describe('CSV export', () => {
  it('writes the product columns, then one column per option and per attribute, each variant on its own row', () => {
    const csv = productsToCsv([
      product({ sku: 'TEE', title: 'Tee', price: 20, currency: 'USD', images: ['https://shop.example/a.png', 'https://shop.example/b.png'], attributes: { fit: 'slim', weight: 180 } }),
      product({ sku: 'TEE-S', title: 'Tee', price: 20, currency: 'USD', stock: 5, variantOf: 'TEE', options: { Size: 'S' } }),
      product({ sku: 'TEE-M', title: 'Tee', price: 20.5, currency: 'USD', stock: 0, active: false, variantOf: 'TEE', options: { Size: 'M', Colour: 'Blue' } }),
    ]);
    expect(csv.split('\n')).toEqual([
      'sku,title,description,price,currency,stock,active,imageUrl,images,url,variantOf,option.Size,option.Colour,attr.fit,attr.weight',
      'TEE,Tee,,20,USD,,true,,https://shop.example/a.png|https://shop.example/b.png,,,,,slim,180',
      'TEE-S,Tee,,20,USD,5,true,,,,TEE,S,,,',
      'TEE-M,Tee,,20.5,USD,0,false,,,,TEE,M,Blue,,',
      '',
    ]);
  });

  it('quotes cells holding commas, quotes, line breaks or edge spaces', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('the "Sillage"')).toBe('"the ""Sillage"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell(' padded')).toBe('" padded"');
    const csv = productsToCsv([product({ sku: 'B', title: 'Bag, "limited"', description: 'Calfskin.\nNumbered.', attributes: { 'care, notes': true } })]);
    expect(csv).toBe('sku,title,description,price,currency,stock,active,imageUrl,images,url,variantOf,"attr.care, notes"\nB,"Bag, ""limited""","Calfskin.\nNumbered.",10,EUR,,true,,,,,true\n');
  });

  it('writes cells a spreadsheet would run as formulas behind an apostrophe', () => {
    expect(csvCell('=HYPERLINK("https://evil.example")')).toBe('"\'=HYPERLINK(""https://evil.example"")"');
    expect(csvCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvCell('-20% tonight')).toBe("'-20% tonight");
    expect(csvCell('@home')).toBe("'@home");
    expect(csvCell('plain = text')).toBe('plain = text');
  });

  it('is just the header for an empty catalog', () => {
    expect(productsToCsv([])).toBe('sku,title,description,price,currency,stock,active,imageUrl,images,url,variantOf\n');
  });
});

describe('JSON export', () => {
  it('is the catalog as listed, variants flat with variantOf, and reads back as the same products', () => {
    const products = [product({ sku: 'BAG', imageUrl: 'https://shop.example/bag.jpg' }), product({ sku: 'BAG-NC', variantOf: 'BAG', options: { Colour: 'Noir' }, stock: 1 })];
    const parsed: unknown = JSON.parse(productsToJson(products));
    expect(productSchema.array().parse(parsed)).toEqual(products);
  });
});
