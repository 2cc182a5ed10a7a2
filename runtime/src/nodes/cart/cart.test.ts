import type { Effect, Product } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { testChat, testFlow, texts } from '../../testing';

const product = (sku: string, title: string, price: number, currency = 'USD'): Product => ({ sku, title, price, currency, description: '', images: [], attributes: {}, stock: null, active: true, options: {} });
const catalog = [product('F01', 'Dewdrop Foundation', 42), product('F02', 'Velvet Matte', 34.5), product('EU1', 'Parfum', 80, 'EUR')];

/** Cards → add to cart (with a shade) → cart → payment of the cart. */
const flow = testFlow(
  [
    { id: 'start', type: 'start', data: {} },
    { id: 'cards', type: 'products', data: { buttons: [{ title: 'Add to cart', action: 'buy' }] } },
    { id: 'add', type: 'addToCart', data: { options: [{ name: 'Shade', value: '{{shade}}' }] } },
    { id: 'cart', type: 'cart', data: {} },
    { id: 'pay', type: 'payment', data: { productVariable: 'cart' } },
    { id: 'bye', type: 'message', data: { text: 'Come back soon.' } },
  ],
  [
    ['start', 'next', 'cards'],
    ['cards', 'selected', 'add'],
    ['add', 'next', 'cart'],
    ['cart', 'checkout', 'pay'],
    ['cart', 'continue', 'cards'],
    ['cart', 'empty', 'bye'],
  ],
);

function paymentOf(effects: readonly Effect[] | undefined) {
  const effect = effects?.[0];
  if (effect?.kind !== 'payment') throw new Error('expected a payment effect');
  return effect;
}

describe('add to cart and cart nodes', () => {
  it('fills the cart from the cards, changes it in the chat and charges it with its options', () => {
    const chat = testChat(flow, { products: catalog, initialVars: { shade: '3N' } });
    chat.say('hi');
    const added = chat.tap('buy:F01', 'Add to cart');
    expect(texts(added)[0]).toBe('Added to your cart: 1 × Dewdrop Foundation.');
    expect(texts(added)[1]).toContain('1. Dewdrop Foundation (Shade: 3N) × 1: $42.00');
    expect(texts(added)[1]).toContain('Total: $42.00');

    chat.tap('continue', 'Keep shopping');
    chat.tap('buy:F02', 'Add to cart');
    // The same product again adds to its line.
    chat.tap('continue', 'Keep shopping');
    const twice = chat.tap('buy:F01', 'Add to cart');
    expect(texts(twice)[1]).toContain('1. Dewdrop Foundation (Shade: 3N) × 2: $84.00');
    expect(texts(twice)[1]).toContain('Total: $118.50');

    const changed = chat.say('2 x 3');
    expect(texts(changed)[0]).toContain('2. Velvet Matte (Shade: 3N) × 3: $103.50');
    expect(texts(chat.say('remove 7'))).toEqual(['There is no line 7 in your cart.', expect.stringContaining('Your cart:')]);
    const removed = chat.say('remove 1');
    expect(texts(removed)[0]).not.toContain('Dewdrop');
    expect(texts(removed)[0]).toContain('Total: $103.50');

    expect(chat.say('checkout')).toEqual([]);
    expect(paymentOf(chat.last?.effects)).toMatchObject({
      amount: 103.5,
      currency: 'USD',
      items: [{ sku: 'F02', title: 'Velvet Matte', quantity: 3, unitPrice: 34.5, options: { Shade: '3N' } }],
    });
  });

  it('says the cart is empty and goes on "empty" when the last line is removed or it is emptied', () => {
    const chat = testChat(flow, { products: catalog });
    chat.say('hi');
    chat.tap('buy:F01', 'Add to cart');
    expect(texts(chat.say('remove 1'))).toEqual(['Your cart is empty.', 'Come back soon.']);
    expect(chat.session?.vars.cart).toEqual([]);
  });

  it('refuses to charge a cart that mixes currencies, saying why', () => {
    const chat = testChat(flow, { products: catalog });
    chat.say('hi');
    chat.tap('buy:F01', 'Add to cart');
    chat.tap('continue', 'Keep shopping');
    const mixed = chat.tap('buy:EU1', 'Add to cart');
    expect(texts(mixed)[1]).toContain('more than one currency');
    chat.say('checkout');
    expect(chat.session?.vars.payment).toMatchObject({ status: 'failed', error: expect.stringContaining('mixes currencies') });
  });
});
