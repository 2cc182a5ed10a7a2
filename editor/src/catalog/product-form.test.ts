import { type Product, productSchema } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { emptyForm, formFromProduct, productFromForm } from './product-form';

describe('the product form', () => {
  it('gives back the same product it was filled with', () => {
    const product: Product = productSchema.parse({
      sku: 'BAG-NC',
      title: 'Le Sillage',
      description: 'Calfskin.',
      price: 4200,
      currency: 'EUR',
      imageUrl: 'https://shop.example/front.jpg',
      images: ['https://shop.example/back.jpg'],
      url: 'https://shop.example/sillage',
      attributes: { edition: 'Numbered', pieces: 50, engraved: true },
      stock: 1,
      active: false,
      variantOf: 'BAG',
      options: { Colour: 'Noir', Strap: 'Chain' },
    });
    const saved = productFromForm(formFromProduct(product));
    expect(saved.ok && { sku: saved.sku, ...saved.body }).toEqual(product);
  });

  it('leaves out empty rows and optional fields, and reads an empty stock as not tracked', () => {
    const saved = productFromForm(
      emptyForm({ sku: ' S1 ', title: 'Runner', price: '59.9', currency: 'eur', images: ['', 'https://a/1.png'], attributes: [{ key: '', value: '', type: 'text' }], options: [{ name: '', value: '' }] }),
    );
    expect(saved).toEqual({ ok: true, sku: 'S1', body: { title: 'Runner', description: '', price: 59.9, currency: 'EUR', images: ['https://a/1.png'], attributes: {}, stock: null, active: true, options: {} } });
  });

  it('names every problem by its field', () => {
    const saved = productFromForm(
      emptyForm({
        price: 'ten',
        currency: 'EURO',
        stock: '1.5',
        variantOf: 'BAG',
        attributes: [
          { key: 'size', value: 'big', type: 'number' },
          { key: '', value: 'x', type: 'text' },
        ],
        options: [{ name: 'Colour', value: '' }],
      }),
    );
    expect(saved.ok ? [] : saved.problems.map((p) => p.field)).toEqual(['sku', 'title', 'price', 'currency', 'stock', 'attributes.0', 'attributes.1', 'options.0', 'options']);
  });
});
