import { builtInNodeTypes, createNodeCatalog } from '@parley/runtime';
import { testChat, testFlow, texts } from '@parley/runtime/testing';
import { validateFlow } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { shippingEstimateNode } from './shipping-estimate';

const catalog = createNodeCatalog([...builtInNodeTypes, shippingEstimateNode]);

const carriers = [
  { name: 'La Poste', zone: 'domestic', minDays: 2, maxDays: 3, price: 4.9 },
  { name: 'Coursier Paris', zone: 'domestic', postcodePrefixes: ['75'], minDays: 0, maxDays: 1, price: 3.5 },
  { name: 'DHL Europe', zone: 'international', countries: ['DE', 'BE', 'IT'], minDays: 3, maxDays: 5, price: 12 },
  { name: 'DHL World', zone: 'international', minDays: 5, maxDays: 10, price: 25 },
];

/** Start → ask the postcode → shipping estimate → one message per outcome. */
const flow = testFlow(
  [
    { id: 'start', type: 'start' },
    { id: 'where', type: 'ask', data: { text: 'Your postcode?', variable: 'postcode' } },
    { id: 'ship', type: 'shipping-estimate', data: { homeCountry: 'FR', carriers } },
    { id: 'home', type: 'message', data: { text: '{{shipping.carrier}}: {{shipping.price}} {{shipping.currency}}, there by {{shipping.by}}.' } },
    { id: 'abroad', type: 'message', data: { text: 'Abroad with {{shipping.carrier}}, {{shipping.minDays}}–{{shipping.maxDays}} days.' } },
    { id: 'nowhere', type: 'message', data: { text: 'Sorry, we cannot ship to {{country | your country}}.' } },
  ],
  [
    ['start', null, 'where'],
    ['where', null, 'ship'],
    ['ship', 'domestic', 'home'],
    ['ship', 'international', 'abroad'],
    ['ship', 'unknown', 'nowhere'],
  ],
  { variables: [{ name: 'country', default: 'FR' }] },
);

const chatFrom = (country: string) => testChat(flow, { catalog, initialVars: { country } });

describe('shipping-estimate (a custom node)', () => {
  it('validates like a built-in: its variable counts as set', () => {
    expect(validateFlow(flow, catalog)).toEqual([]);
  });

  it('picks the cheapest domestic carrier serving the postcode', () => {
    const chat = chatFrom('FR');
    expect(texts(chat.say('hi'))).toEqual(['Your postcode?']);
    expect(texts(chat.say('75 011'))).toEqual(['Coursier Paris: 3.5 EUR, there by 2026-03-03.']);
    expect(chat.vars.shipping).toEqual({ zone: 'domestic', carrier: 'Coursier Paris', minDays: 0, maxDays: 1, price: 3.5, currency: 'EUR', by: '2026-03-03' });
    expect(chat.last?.path).toEqual(['ship', 'home']);
  });

  it('falls back to a carrier serving every postcode', () => {
    const chat = chatFrom('fr');
    chat.say('hi');
    expect(texts(chat.say('69001'))).toEqual(['La Poste: 4.9 EUR, there by 2026-03-05.']);
  });

  it('takes "international" abroad, with the carrier for that country', () => {
    const chat = chatFrom('DE');
    chat.say('hi');
    expect(texts(chat.say('10115'))).toEqual(['Abroad with DHL Europe, 3–5 days.']);
    const far = chatFrom('JP');
    far.say('hi');
    expect(texts(far.say('100-0001'))).toEqual(['Abroad with DHL World, 5–10 days.']);
  });

  it('takes "unknown" when the country is not a country code, clearing an old estimate', () => {
    const chat = testChat(flow, { catalog, initialVars: { country: 'France', shipping: 'stale' } });
    chat.say('hi');
    expect(texts(chat.say('75011'))).toEqual(['Sorry, we cannot ship to France.']);
    expect(chat.vars).not.toHaveProperty('shipping');
  });

  it('explains a carrier table that cannot work', () => {
    const bad = testFlow([{ id: 'start', type: 'start' }, { id: 'ship', type: 'shipping-estimate', data: { homeCountry: 'France', carriers: [] } }], [['start', null, 'ship']]);
    const messages = validateFlow(bad, catalog).map((problem) => problem.message);
    expect(messages).toContain('Node Shipping estimate (ship): homeCountry: a country is a two-letter ISO code such as FR.');
    expect(messages).toContain('Node Shipping estimate (ship): carriers: list at least one carrier.');
  });
});
