import { type ProductInput, productSchema, validateFlow } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../registry';
import { type TestNode, testChat, testFlow, texts } from '../../testing';

const catalog: ProductInput[] = [
  { sku: 'F1', title: 'Hydra Glow Foundation', price: 28, currency: 'USD', imageUrl: 'https://img/f1.jpg', attributes: { skin: 'dry', finish: 'dewy' } },
  { sku: 'F2', title: 'Velvet Matte Foundation', price: 34, currency: 'USD', attributes: { skin: 'oily', finish: 'matte' } },
  { sku: 'F3', title: 'Balance Tint', price: 22, currency: 'USD', attributes: { skin: 'combination', finish: 'matte' } },
  { sku: 'F4', title: 'Silk Serum Base', price: 62, currency: 'USD', attributes: { skin: 'dry', finish: 'matte' }, stock: 4 },
  { sku: 'F5', title: 'Sold Out Sérum', price: 40, currency: 'USD', attributes: { skin: 'dry' }, stock: 0 },
  { sku: 'F6', title: 'Retired Primer', price: 18, currency: 'USD', attributes: { skin: 'dry' }, active: false },
];
const products = catalog.map((p) => productSchema.parse(p));

function flowWith(data: Record<string, unknown>, extra: TestNode[] = []) {
  return testFlow(
    [
      { id: 'start', type: 'start' },
      { id: 'shop', type: 'products', data },
      { id: 'chosen', type: 'message', data: { text: '{{product.title}}: {{productAction}}' } },
      { id: 'after', type: 'message', data: { text: 'Anything else?' } },
      { id: 'none', type: 'message', data: { text: 'Nothing fits' } },
      ...extra,
    ],
    [
      ['start', null, 'shop'],
      ['shop', 'selected', 'chosen'],
      ['shop', 'next', 'after'],
      ['shop', 'noMatch', 'none'],
    ],
    // productAction is written as saveAs + "Action", a name validation cannot derive from the config.
    { variables: [{ name: 'skin', default: 'dry' }, { name: 'finish', default: 'matte' }, { name: 'productAction' }] },
  );
}

const benchmark = {
  filters: [
    { field: 'attributes.skin', op: 'equals', value: '{{skin}}' },
    { field: 'attributes.finish', op: 'equals', value: '{{finish}}' },
  ],
  match: 'any',
  limit: 3,
  card: { subtitle: '${{product.price}}' },
  buttons: [{ title: 'Buy', action: 'buy' }],
};

function cardTitles(replies: ReturnType<ReturnType<typeof testChat>['say']>): string[] {
  return replies.flatMap((r) => (r.type === 'cards' ? r.cards.map((c) => c.title) : []));
}

describe('products node', () => {
  it('is valid in a flow', () => {
    expect(validateFlow(flowWith({ ...benchmark, saveAs: 'product' }), builtInCatalog)).toEqual([]);
  });

  it('shows matching products as cards, in catalog order, up to the limit', () => {
    const chat = testChat(flowWith(benchmark), { products });
    expect(chat.say('hi')).toEqual([
      {
        type: 'cards',
        cards: [
          { title: 'Hydra Glow Foundation', subtitle: '$28', imageUrl: 'https://img/f1.jpg', buttons: [{ action: 'postback', title: 'Buy', payload: 'buy:F1' }] },
          { title: 'Velvet Matte Foundation', subtitle: '$34', buttons: [{ action: 'postback', title: 'Buy', payload: 'buy:F2' }] },
          { title: 'Balance Tint', subtitle: '$22', buttons: [{ action: 'postback', title: 'Buy', payload: 'buy:F3' }] },
        ],
      },
    ]);
  });

  it('saves the tapped product and its action, then follows "Selected"', () => {
    const chat = testChat(flowWith(benchmark), { products });
    chat.say('hi');
    expect(texts(chat.tap('buy:F2', 'Buy'))).toEqual(['Velvet Matte Foundation: buy']);
    expect(chat.vars.product).toEqual({
      sku: 'F2',
      title: 'Velvet Matte Foundation',
      price: 34,
      currency: 'USD',
      description: '',
      attributes: { skin: 'oily', finish: 'matte' },
    });
    expect(chat.vars.productAction).toBe('buy');
  });

  it('accepts a typed title or a card number', () => {
    const chat = testChat(flowWith(benchmark), { products });
    chat.say('hi');
    expect(texts(chat.say('balance TINT'))).toEqual(['Balance Tint: buy']);
    const numbered = testChat(flowWith(benchmark), { products });
    numbered.say('hi');
    expect(texts(numbered.say('1'))).toEqual(['Hydra Glow Foundation: buy']);
  });

  it('re-prompts once on an unknown answer, then goes on to "Next"', () => {
    const chat = testChat(flowWith(benchmark), { products });
    chat.say('hi');
    expect(texts(chat.say('lipstick?'))).toEqual(["Tap a product's button, or type its name."]);
    expect(texts(chat.tap('buy:F4'))).toEqual(['Anything else?']);
  });

  it('all filters must match by default; numbers compare as numbers', () => {
    const flow = flowWith({ filters: [{ field: 'skin', op: 'equals', value: 'DRY' }, { field: 'price', op: 'lessThan', value: '{{budget}}' }] });
    const chat = testChat(flow, { products, initialVars: { budget: '30' } });
    expect(cardTitles(chat.say('hi'))).toEqual(['Hydra Glow Foundation']);
  });

  it('skips sold-out and inactive products, unless told to show sold-out ones', () => {
    const dry = { filters: [{ field: 'attributes.skin', op: 'equals', value: 'dry' }] };
    expect(cardTitles(testChat(flowWith(dry), { products }).say('hi'))).toEqual(['Hydra Glow Foundation', 'Silk Serum Base']);
    expect(cardTitles(testChat(flowWith({ ...dry, onlyInStock: false }), { products }).say('hi'))).toEqual([
      'Hydra Glow Foundation',
      'Silk Serum Base',
      'Sold Out Sérum',
    ]);
  });

  it('sorts, then limits', () => {
    const flow = flowWith({ sort: { field: 'price', direction: 'desc' }, limit: 2 });
    expect(cardTitles(testChat(flow, { products }).say('hi'))).toEqual(['Silk Serum Base', 'Velvet Matte Foundation']);
    const byTitle = flowWith({ sort: { field: 'title' } });
    expect(cardTitles(testChat(byTitle, { products }).say('hi'))).toEqual([
      'Balance Tint',
      'Hydra Glow Foundation',
      'Silk Serum Base',
      'Velvet Matte Foundation',
    ]);
  });

  it('compares text ignoring case and accents; a missing attribute matches only "is set: false"', () => {
    const contains = flowWith({ filters: [{ field: 'title', op: 'contains', value: 'SERUM' }], onlyInStock: false });
    expect(cardTitles(testChat(contains, { products }).say('hi'))).toEqual(['Silk Serum Base', 'Sold Out Sérum']);
    const notEquals = flowWith({ filters: [{ field: 'attributes.finish', op: 'notEquals', value: 'matte' }], onlyInStock: false });
    expect(cardTitles(testChat(notEquals, { products }).say('hi'))).toEqual(['Hydra Glow Foundation']);
    const unset = flowWith({ filters: [{ field: 'attributes.finish', op: 'isSet', value: 'false' }], onlyInStock: false });
    expect(cardTitles(testChat(unset, { products }).say('hi'))).toEqual(['Sold Out Sérum']);
    const set = flowWith({ filters: [{ field: 'imageUrl', op: 'isSet' }] });
    expect(cardTitles(testChat(set, { products }).say('hi'))).toEqual(['Hydra Glow Foundation']);
    const range = flowWith({ filters: [{ field: 'price', op: 'greaterOrEqual', value: '28' }, { field: 'price', op: 'lessOrEqual', value: '34' }] });
    expect(cardTitles(testChat(range, { products }).say('hi'))).toEqual(['Hydra Glow Foundation', 'Velvet Matte Foundation']);
  });

  it('sends the intro text, and goes straight on when not waiting', () => {
    const flow = flowWith({ text: 'Picked for {{skin}} skin:', limit: 1, waitForChoice: false, card: { title: '{{product.sku}}', subtitle: '', imageUrl: '' } });
    const replies = testChat(flow, { products }).say('hi');
    expect(replies).toEqual([
      { type: 'text', text: 'Picked for dry skin:' },
      { type: 'cards', cards: [{ title: 'F1', buttons: [] }] },
      { type: 'text', text: 'Anything else?' },
    ]);
  });

  it('url and postback buttons; a postback tap saves its payload as the action', () => {
    const flow = flowWith({
      limit: 2,
      buttons: [
        { title: 'Details', action: 'url', url: 'https://shop/{{product.sku}}' },
        { title: 'Shade for {{product.title}}', action: 'postback', payload: 'shade:{{product.sku}}' },
      ],
    });
    const chat = testChat(flow, { products });
    const [cards] = chat.say('hi');
    expect(cards).toMatchObject({
      type: 'cards',
      cards: [
        {
          buttons: [
            { action: 'url', title: 'Details', url: 'https://shop/F1' },
            { action: 'postback', title: 'Shade for Hydra Glow Foundation', payload: 'shade:F1' },
          ],
        },
        {},
      ],
    });
    expect(texts(chat.tap('shade:F2'))).toEqual(['Velvet Matte Foundation: shade:F2']);
  });

  it('makes cards that read only the product once per list of products, for every customer shown that list', () => {
    const flow = flowWith({ ...benchmark, waitForChoice: false });
    const chat = testChat(flow, { products });
    const [first] = chat.say('hi');
    const [again] = chat.say('hi');
    expect(chat.session?.status).toBe('ended');
    // The customer's next session: the very same frozen reply, whose JSON the server keeps.
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // Other answers pick another list: its own cards.
    const other = testChat(flow, { products, initialVars: { skin: 'oily', finish: 'dewy' } });
    expect(cardTitles(other.say('hi'))).toEqual(['Hydra Glow Foundation', 'Velvet Matte Foundation']);
    expect(cardTitles(chat.say('hi'))).toEqual(['Hydra Glow Foundation', 'Velvet Matte Foundation', 'Balance Tint']);
  });

  it("makes cards that read a customer's answers for each customer", () => {
    const flow = flowWith({ ...benchmark, limit: 1, card: { subtitle: 'For {{skin}} skin', imageUrl: '' } });
    const subtitles = (replies: ReturnType<ReturnType<typeof testChat>['say']>) =>
      replies.flatMap((r) => (r.type === 'cards' ? r.cards.map((c) => c.subtitle) : []));
    expect(subtitles(testChat(flow, { products }).say('hi'))).toEqual(['For dry skin']);
    expect(subtitles(testChat(flow, { products, initialVars: { skin: 'oily' } }).say('hi'))).toEqual(['For oily skin']);
  });

  it('shows a changed product as it is now, and its own title beside a variable named product.title', () => {
    const flow = flowWith({ ...benchmark, limit: 1, waitForChoice: false });
    const chat = testChat(flow, { products, initialVars: { 'product.title': 'not a product' } });
    expect(chat.say('hi')[0]).toMatchObject({ cards: [{ title: 'Hydra Glow Foundation', subtitle: '$28' }] });
    // A catalog change makes new product objects (as the server's catalog does): the cards follow.
    const repriced = testChat(flow, { products: catalog.map((p) => productSchema.parse(p.sku === 'F1' ? { ...p, price: 30 } : p)) });
    expect(repriced.say('hi')[0]).toMatchObject({ cards: [{ title: 'Hydra Glow Foundation', subtitle: '$30' }] });
  });

  it('takes "No match" and sends nothing when no product fits', () => {
    const flow = flowWith({ text: 'Here you go', filters: [{ field: 'attributes.skin', op: 'equals', value: 'normal' }] });
    expect(texts(testChat(flow, { products }).say('hi'))).toEqual(['Nothing fits']);
  });

  it('rejects a postback button without payload and more than three buttons', () => {
    const noPayload = flowWith({ buttons: [{ title: 'A', action: 'postback' }] });
    expect(validateFlow(noPayload, builtInCatalog).map((p) => p.message)).toContain(
      'Node Products (shop): buttons.0.payload: a postback button needs its payload.',
    );
    const four = flowWith({ buttons: [{ title: 'A' }, { title: 'B' }, { title: 'C' }, { title: 'D' }] });
    expect(validateFlow(four, builtInCatalog).map((p) => p.message)).toContain('Node Products (shop): buttons: a card holds at most three buttons.');
  });
});
