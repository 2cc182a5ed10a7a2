import type { Effect, Product } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { testChat, testFlow, texts } from '../../testing';

const base = { description: '', images: [], attributes: {}, active: true, currency: 'EUR', price: 4200 };
const bag: Product = { ...base, sku: 'BAG', title: 'Le Sillage', stock: null, options: {} };
const variant = (sku: string, colour: string, strap: string, stock: number): Product => ({ ...base, sku, title: 'Le Sillage', stock, variantOf: 'BAG', options: { Colour: colour, Strap: strap } });

const flow = testFlow(
  [
    { id: 'start', type: 'start', data: {} },
    { id: 'cards', type: 'products', data: { buttons: [{ title: 'Choose', action: 'buy' }] } },
    { id: 'options', type: 'chooseOptions', data: {} },
    { id: 'pay', type: 'payment', data: {} },
    { id: 'gone', type: 'message', data: { text: 'That one just sold out.' } },
    { id: 'none', type: 'message', data: { text: 'Nothing left.' } },
  ],
  [
    ['start', 'next', 'cards'],
    ['cards', 'selected', 'options'],
    ['cards', 'noMatch', 'none'],
    ['options', 'next', 'pay'],
    ['options', 'soldOut', 'gone'],
  ],
);

function payment(effects: readonly Effect[] | undefined) {
  const effect = effects?.[0];
  if (effect?.kind !== 'payment') throw new Error('expected a payment effect');
  return effect;
}

describe('choose options node', () => {
  it('asks each option among the variants in stock, skips a question with one answer left, and charges the variant', () => {
    const chat = testChat(flow, { products: [bag, variant('BAG-NC', 'Noir', 'Chain', 1), variant('BAG-NL', 'Noir', 'Leather', 0), variant('BAG-CC', 'Cognac', 'Chain', 2)] });
    const cards = chat.say('hi').find((reply) => reply.type === 'cards');
    expect(cards?.type === 'cards' ? cards.cards.map((card) => card.title) : []).toEqual(['Le Sillage']);
    const colour = chat.tap('buy:BAG', 'Choose');
    expect(colour).toEqual([{ type: 'buttons', text: 'Which Colour would you like?', buttons: [{ title: 'Noir', payload: 'Noir' }, { title: 'Cognac', payload: 'Cognac' }] }]);
    expect(texts(chat.say('violet'))).toEqual(['Please choose one of: Noir, Cognac']);
    // Noir leather is sold out: the chain is the only strap left, so it is not asked.
    expect(chat.say('noir')).toEqual([]);
    expect(payment(chat.last?.effects).items).toEqual([{ sku: 'BAG-NC', title: 'Le Sillage', quantity: 1, unitPrice: 4200, options: { Colour: 'Noir', Strap: 'Chain' } }]);
  });

  it('hides a product whose variants are all sold out', () => {
    const chat = testChat(flow, { products: [bag, variant('BAG-NC', 'Noir', 'Chain', 0)] });
    expect(texts(chat.say('hi'))).toEqual(['Nothing left.']);
  });

  it('goes on with a product that has no variants', () => {
    const chat = testChat(flow, { products: [{ ...bag, stock: 3 }] });
    chat.say('hi');
    expect(chat.tap('buy:BAG', 'Choose')).toEqual([]);
    expect(payment(chat.last?.effects).items[0]?.sku).toBe('BAG');
  });
});
