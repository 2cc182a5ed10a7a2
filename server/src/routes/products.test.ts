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
      { sku: 'B', title: 'Boots', description: '', price: 90, currency: 'EUR', attributes: {}, stock: 3, active: true },
      { sku: 'A', title: 'Sandals', description: '', price: 20.5, currency: 'EUR', attributes: { color: 'red' }, stock: null, active: true },
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
        attributes: { size: 42, color: 'blue', code: '007' },
        stock: null,
        active: true,
      },
      { sku: 'S2', title: 'Sandal', description: '', price: 15, currency: 'USD', attributes: { size: 38.5, code: 12 }, stock: 4, active: false },
    ]);
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
