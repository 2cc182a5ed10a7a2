import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestParley, testParley } from '../testing';

let parley: TestParley;
beforeEach(async () => {
  parley = testParley();
  await parley.request('POST', '/api/bots', { id: 'shop', name: 'Shop' });
});
afterEach(() => parley.close());

const csv = (text: string) => parley.request('POST', '/api/bots/shop/products', text, { 'content-type': 'text/csv' });
const list = async () => (await (await parley.request('GET', '/api/bots/shop/products')).json()).products;

describe('product import', () => {
  it('imports JSON (an array or { products }) and replaces the catalog in file order', async () => {
    const first = await parley.request('POST', '/api/bots/shop/products', [
      { sku: 'B', title: 'Boots', price: 90, currency: 'EUR', stock: 3 },
      { sku: 'A', title: 'Sandals', price: 20.5, currency: 'EUR', attributes: { color: 'red' } },
    ]);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ imported: 2 });
    expect(await list()).toEqual([
      { sku: 'B', title: 'Boots', description: '', images: [], price: 90, currency: 'EUR', attributes: {}, stock: 3, active: true, options: {} },
      { sku: 'A', title: 'Sandals', description: '', images: [], price: 20.5, currency: 'EUR', attributes: { color: 'red' }, stock: null, active: true, options: {} },
    ]);

    const second = await parley.request('POST', '/api/bots/shop/products', { products: [{ sku: 'C', title: 'Clogs', price: 30, currency: 'USD' }] });
    expect(await second.json()).toEqual({ imported: 1 });
    expect((await list()).map((p: { sku: string }) => p.sku)).toEqual(['C']);
  });

  it('imports CSV: known columns, attr.<name> and other columns as attributes, empty stock as null', async () => {
    const response = await csv(
      [
        'sku,title,description,imageUrl,url,price,currency,stock,active,attr.size,color,code',
        'S1,"Trail shoe, blue",Light,https://img/s1.png,https://shop/s1,79.90,USD,,true,42,blue,007',
        'S2,Sandal,,,,15,USD,4,no,38.5,,12',
      ].join('\n'),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ imported: 2 });
    expect(await list()).toEqual([
      {
        sku: 'S1',
        title: 'Trail shoe, blue',
        description: 'Light',
        imageUrl: 'https://img/s1.png',
        url: 'https://shop/s1',
        price: 79.9,
        currency: 'USD',
        images: [],
        attributes: { size: 42, color: 'blue', code: '007' },
        stock: null,
        active: true,
        options: {},
      },
      { sku: 'S2', title: 'Sandal', description: '', images: [], price: 15, currency: 'USD', attributes: { size: 38.5, code: 12 }, stock: 4, active: false, options: {} },
    ]);
  });

  it('reads back cells exported behind an apostrophe (formula-like text) as they were written', async () => {
    const response = await csv(['sku,title,description,price,currency,attr.note', "F1,'=Fragrance,'-20% tonight,30,EUR,'@home"].join('\n'));
    expect(response.status).toBe(200);
    expect(await list()).toEqual([expect.objectContaining({ sku: 'F1', title: '=Fragrance', description: '-20% tonight', attributes: { note: '@home' } })]);
  });

  it('imports variants (nested in JSON, or rows naming their product in CSV) with their own stock, and several images', async () => {
    const nested = await parley.request('POST', '/api/bots/shop/products', [
      {
        sku: 'BAG',
        title: 'Le Sillage',
        price: 4200,
        currency: 'EUR',
        images: ['https://img/front.jpg', 'https://img/back.jpg'],
        variants: [
          { sku: 'BAG-NC', options: { Colour: 'Noir', Strap: 'Chain' }, stock: 1 },
          { sku: 'BAG-CL', options: { Colour: 'Cognac', Strap: 'Leather' }, stock: 0, price: 4400 },
        ],
      },
    ]);
    expect(nested.status).toBe(200);
    expect((await list()).map((p: { sku: string; variantOf?: string; price: number; stock: number | null; images: string[] }) => [p.sku, p.variantOf, p.price, p.stock, p.images.length])).toEqual([
      ['BAG', undefined, 4200, null, 2],
      ['BAG-NC', 'BAG', 4200, 1, 2],
      ['BAG-CL', 'BAG', 4400, 0, 2],
    ]);
    const rows = await csv(['sku,title,price,currency,stock,variantOf,option.Size,images', 'TEE,Tee,20,USD,,,,https://img/a.png|https://img/b.png', 'TEE-S,Tee,20,USD,5,TEE,S,', 'TEE-M,Tee,20,USD,0,TEE,M,'].join('\n'));
    expect(rows.status).toBe(200);
    const catalog = await list();
    expect(catalog[0].images).toEqual(['https://img/a.png', 'https://img/b.png']);
    expect(catalog[1]).toMatchObject({ sku: 'TEE-S', variantOf: 'TEE', options: { Size: 'S' }, stock: 5 });
  });

  it('refuses variants of unknown SKUs, in another currency, without options or twice the same, and imports nothing', async () => {
    await parley.request('POST', '/api/bots/shop/products', [{ sku: 'KEEP', title: 'Kept', price: 1, currency: 'USD' }]);
    const response = await csv(
      [
        'sku,title,price,currency,variantOf,option.Size',
        'TEE,Tee,20,USD,,',
        'TEE-S,Tee,20,USD,TEE,S',
        'TEE-S2,Tee,20,USD,TEE,S',
        'TEE-X,Tee,20,EUR,TEE,XL',
        'TEE-Y,Tee,20,USD,NOPE,L',
        'TEE-Z,Tee,20,USD,TEE,',
        'BAD,Bad,-3,USD,,',
      ].join('\n'),
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_products');
    expect(error.details).toEqual([
      { row: 3, field: 'options', message: 'the same options as row 2' },
      { row: 4, field: 'currency', message: "a variant is priced in its product's currency (USD), not EUR" },
      { row: 5, field: 'variantOf', message: 'unknown SKU "NOPE": a variant names a product of the same file' },
      { row: 6, field: 'options', message: 'a variant needs its option values, such as { "Colour": "Noir" } (CSV: option.Colour)' },
      { row: 7, field: 'price', message: 'a price cannot be negative' },
    ]);
    expect((await list()).map((p: { sku: string }) => p.sku)).toEqual(['KEEP']);
  });

  it('refuses a bad CSV with every bad row listed and imports nothing', async () => {
    await parley.request('POST', '/api/bots/shop/products', [{ sku: 'KEEP', title: 'Kept', price: 1, currency: 'USD' }]);
    const response = await csv(['sku,title,price,currency', 'A,Good,10,USD', 'B,Negative,-5,USD', 'C,No currency,3,', 'A,Again,4,USD', 'D,Bad price,ten,USD'].join('\n'));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_products');
    expect(error.message).toContain('nothing was imported');
    expect(error.details).toEqual([
      { row: 2, field: 'price', message: 'a price cannot be negative' },
      { row: 3, field: 'currency', message: 'currency is required' },
      { row: 4, field: 'sku', message: 'SKU "A" is already used by row 1; each SKU may appear once' },
      { row: 5, field: 'price', message: 'price must be a number such as 12.50, not "ten"' },
    ]);
    expect((await list()).map((p: { sku: string }) => p.sku)).toEqual(['KEEP']);
  });

  it('refuses bad JSON rows, files that are not a list, and other media types', async () => {
    const bad = await parley.request('POST', '/api/bots/shop/products', [{ sku: 'A', title: 'x', price: '5', currency: 'USD' }, 'nope']);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details).toEqual([
      { row: 1, field: 'price', message: expect.any(String) },
      { row: 2, field: '', message: 'a product must be an object' },
    ]);
    const notList = await parley.request('POST', '/api/bots/shop/products', { items: [] });
    expect(notList.status).toBe(400);
    expect((await notList.json()).error.field).toBe('products');
    const xml = await parley.request('POST', '/api/bots/shop/products', '<products/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
    const noHeader = await csv('');
    expect(noHeader.status).toBe(400);
    expect((await noHeader.json()).error.code).toBe('invalid_csv');
  });
});

describe('one product at a time', () => {
  it('creates, changes and removes a product; unknown SKUs and bad fields get clear errors', async () => {
    const put = await parley.request('PUT', '/api/bots/shop/products/MUG', { title: 'Mug', price: 12, currency: 'EUR', stock: 4 });
    expect(put.status).toBe(200);
    const patched = await parley.request('PATCH', '/api/bots/shop/products/MUG', { stock: 9, price: 11.5 });
    expect(await patched.json()).toMatchObject({ sku: 'MUG', title: 'Mug', price: 11.5, stock: 9 });
    expect(await list()).toHaveLength(1);

    const unknown = await parley.request('PATCH', '/api/bots/shop/products/NOPE', { stock: 1 });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatchObject({ code: 'not_found', field: 'sku', message: 'Product "NOPE" does not exist.' });
    const negative = await parley.request('PATCH', '/api/bots/shop/products/MUG', { price: -1 });
    expect(negative.status).toBe(400);
    expect((await negative.json()).error.field).toBe('price');
    const currency = await parley.request('PUT', '/api/bots/shop/products/MUG-RED', { title: 'Mug', price: 12, currency: 'USD', variantOf: 'MUG', options: { Colour: 'Red' } });
    expect((await currency.json()).error).toMatchObject({ field: 'currency' });
    const orphan = await parley.request('PUT', '/api/bots/shop/products/MUG-RED', { title: 'Mug', price: 12, currency: 'EUR', variantOf: 'CUP', options: { Colour: 'Red' } });
    expect((await orphan.json()).error).toMatchObject({ field: 'variantOf' });
    const malformed = await parley.request('PATCH', '/api/bots/shop/products/MUG', '{"stock": ');
    expect(malformed.status).toBe(400);

    expect((await parley.request('DELETE', '/api/bots/shop/products/MUG')).status).toBe(200);
    expect((await parley.request('DELETE', '/api/bots/shop/products/MUG')).status).toBe(404);
    expect(await list()).toEqual([]);
  });
});

describe('variants saved one at a time', () => {
  it('keeps the rules of the import: options, no chains, one currency, no twins', async () => {
    const put = (sku: string, body: Record<string, unknown>) => parley.request('PUT', `/api/bots/shop/products/${sku}`, { title: 'Bag', price: 100, currency: 'EUR', ...body });
    const fieldOf = async (response: Response) => (await response.json()).error?.field;
    expect((await put('BAG', {})).status).toBe(200);
    expect((await put('BAG-N', { variantOf: 'BAG', options: { Colour: 'Noir' } })).status).toBe(200);
    expect(await fieldOf(await put('BAG-X', { variantOf: 'BAG' }))).toBe('options');
    expect(await fieldOf(await put('BAG-N2', { variantOf: 'BAG', options: { Colour: 'Noir' } }))).toBe('options');
    expect(await fieldOf(await put('BAG-S', { variantOf: 'BAG-S', options: { Colour: 'Red' } }))).toBe('variantOf');
    expect(await fieldOf(await put('BAG-C', { variantOf: 'BAG-N', options: { Colour: 'Red' } }))).toBe('variantOf');
    expect(await fieldOf(await put('BAG', { variantOf: 'BAG-N', options: { Colour: 'Red' } }))).toBe('variantOf');
    expect(await fieldOf(await parley.request('PATCH', '/api/bots/shop/products/BAG', { currency: 'USD' }))).toBe('currency');
  });
});
