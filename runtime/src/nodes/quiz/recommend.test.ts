import type { Product } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { testChat, testFlow, texts } from '../../testing';

const foundation = (sku: string, title: string, skin: string, finish: string, stock: number | null = null): Product => ({
  sku,
  title,
  price: 30,
  currency: 'USD',
  description: '',
  images: [],
  options: {},
  attributes: { skin, finish },
  stock,
  active: true,
});
const catalog = [
  foundation('A', 'Airy Tint', 'oily', 'dewy'),
  foundation('B', 'Balm Glow', 'dry, normal', 'dewy'),
  foundation('C', 'Cloud Matte', 'dry', 'matte'),
  foundation('D', 'Dune Matte', 'oily', 'matte'),
  foundation('E', 'Ember Matte', 'dry', 'matte', 0),
];

const flow = testFlow(
  [
    { id: 'start', type: 'start', data: {} },
    {
      id: 'quiz',
      type: 'quiz',
      data: {
        questions: [
          { id: 'skin', text: 'Your skin?', options: [{ id: 'dry', title: 'Dry', attributes: { skin: 'dry' } }, { id: 'oily', title: 'Oily', attributes: { skin: 'oily' } }] },
          { id: 'finish', text: 'Your finish?', options: [{ id: 'matte', title: 'Matte', attributes: { finish: 'matte' } }, { id: 'dewy', title: 'Dewy', attributes: { finish: 'dewy' } }] },
        ],
        outcomes: [{ id: 'done', label: 'Done' }],
        recommend: { limit: 3 },
      },
    },
    { id: 'picks', type: 'products', data: { from: 'variable', card: { title: '{{product.title}}', subtitle: '{{product.reason}}' }, buttons: [{ title: 'Buy', action: 'buy' }] } },
    { id: 'none', type: 'message', data: { text: 'Nothing fits.' } },
  ],
  [
    ['start', 'next', 'quiz'],
    ['quiz', 'done', 'picks'],
    ['picks', 'noMatch', 'none'],
  ],
);

describe('quiz recommendations from catalog attributes', () => {
  it('ranks the products by the answers they match, with the reason, skipping sold-out ones', () => {
    const chat = testChat(flow, { products: catalog });
    chat.say('hi');
    chat.tap('dry');
    const picks = chat.tap('matte');
    const cards = picks.find((reply) => reply.type === 'cards');
    expect(cards?.type === 'cards' ? cards.cards.map((card) => `${card.title}: ${card.subtitle}`) : []).toEqual([
      'Cloud Matte: because you chose Dry and Matte',
      'Balm Glow: because you chose Dry',
      'Dune Matte: because you chose Matte',
    ]);
    expect(chat.session?.vars.recommended).toEqual([
      { sku: 'C', title: 'Cloud Matte', score: 2, reason: 'because you chose Dry and Matte' },
      { sku: 'B', title: 'Balm Glow', score: 1, reason: 'because you chose Dry' },
      { sku: 'D', title: 'Dune Matte', score: 1, reason: 'because you chose Matte' },
    ]);
    // Choosing from the recommendations saves the catalog's product.
    chat.tap('buy:C', 'Buy');
    expect(chat.session?.vars.product).toMatchObject({ sku: 'C', title: 'Cloud Matte', price: 30 });
  });

  it('takes "no match" when nothing in the catalog fits', () => {
    const chat = testChat(flow, { products: [foundation('Z', 'Zest', 'combination', 'satin')] });
    chat.say('hi');
    chat.tap('dry');
    expect(texts(chat.tap('matte'))).toEqual(['Nothing fits.']);
  });
});
