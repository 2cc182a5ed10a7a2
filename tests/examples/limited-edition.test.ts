import { loadExampleBots } from '@parley/examples';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type TestParley, buttonTitles, customer, loadExample, pathOf, sessionVars, testParley, texts } from './chat';

let parley: TestParley | undefined;
afterEach(() => parley?.close());

const IMAGE = 'http://parley.test/assets/examples/limited-edition/sillage.svg';

/** Colour, strap and initials (with one refused attempt); returns the turn after valid initials. */
async function customise(chat: ReturnType<typeof customer>) {
  const hello = await chat.say('hi');
  expect(hello.replies[0]).toEqual({ type: 'image', url: IMAGE, caption: 'Le Sillage, limited edition: fifty numbered pieces, hand-stitched in our Paris atelier.' });
  expect(buttonTitles(hello)).toEqual(['Noir', 'Cognac', 'Ivory']);
  const strap = await chat.tap('cognac', 'Cognac');
  expect(texts(strap)).toEqual(['Cognac, a beautiful choice. How would you like to carry it?']);
  expect(texts(await chat.tap('chain', 'Gold chain'))).toEqual([expect.stringContaining('which initials shall we emboss inside?')]);
  const refused = await chat.say('C.D.L.');
  expect(texts(refused)).toEqual([
    'Our artisans can emboss one to three letters, A to Z, without spaces, dots or accents. Shall we try again?',
    'Last touch: which initials shall we emboss inside? One to three letters, for example C or ADL.',
  ]);
  return chat.say('cdl');
}

describe('limited-edition example', () => {
  it('serves its picture', async () => {
    parley = testParley();
    const response = await parley.app.request(pathOf(IMAGE));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(await response.text()).toContain('LE SILLAGE');
  });

  it('customises the bag, takes the payment and confirms the choices', async () => {
    parley = testParley();
    loadExample(parley, 'limited-edition');
    const chat = customer(parley, 'limited-edition', 'client-1');
    const offer = await customise(chat);
    expect(texts(offer)).toEqual([
      'Here is your Sillage: Cognac calfskin, Gold chain, with CDL embossed in gold inside. Each piece is finished by hand and ships within three weeks.',
    ]);
    expect(offer.replies[1]).toEqual({
      type: 'cards',
      cards: [{ title: 'Le Sillage, limited edition', subtitle: '€4200 · Numbered edition of 50', imageUrl: IMAGE, buttons: [{ action: 'postback', title: 'Buy', payload: 'buy:MV-SILLAGE-LE' }] }],
    });
    const pay = await chat.tap('buy:MV-SILLAGE-LE', 'Buy');
    const link = pay.replies.find((reply) => reply.type === 'payment');
    expect(link).toMatchObject({ text: 'Here is your secure payment link for 4200 EUR. It stays open for 30 minutes.', amount: 4200, currency: 'EUR', testMode: true });
    const page = await (await parley.app.request(pathOf(link?.url ?? ''))).text();
    expect(page).toContain('<h1>Le Sillage, limited edition: Cognac, Gold chain, initials CDL</h1>');

    expect((await parley.request('POST', `${pathOf(link?.url ?? '')}/pay`)).status).toBe(303);
    const later = (await chat.later()).map((message) => message.reply.text);
    expect(later.at(-2)).toBe(
      `Merci! Your order is confirmed.\n\nLe Sillage, limited edition\nLeather: Cognac\nStrap: Gold chain\nInitials: CDL\nPaid: 4200 EUR (reference ${link?.paymentId})\n\nOur artisans will begin your bag this week, and we will message you here the day it ships.`,
    );
    expect(later.at(-1)).toBe('Merci for visiting Maison Verlaine. Type "menu" whenever you would like to begin again.');
    // The bag sold is taken out of stock in the same transaction as the payment.
    const catalog = await (await parley.request('GET', '/api/bots/limited-edition/products')).json();
    expect(catalog.products[0].stock).toBe(4);
  });

  it('offers the waiting list when the edition is sold out', async () => {
    parley = testParley();
    const example = loadExampleBots().find((bot) => bot.id === 'limited-edition');
    const products = z.array(z.record(z.string(), z.unknown())).parse(example?.products);
    const soldOut = products.map((product) => ({ ...product, stock: 0 }));
    loadExample(parley, 'limited-edition', { products: soldOut });
    const chat = customer(parley, 'limited-edition', 'client-2');
    const offer = await customise(chat);
    expect(offer.replies.map((reply) => reply.type)).toEqual(['text', 'buttons']);
    expect(texts(offer)[1]).toMatch(/^I'm so sorry: the last Sillage of this edition has just found its owner\./);
    expect(buttonTitles(offer)).toEqual(['Yes, add me', 'No, thank you']);
    const joined = await chat.tap('yes', 'Yes, add me');
    expect(texts(joined)).toEqual([
      "You're on the list! We'll message you here the moment a Sillage becomes available, and we'll keep your choices: Cognac, Gold chain, initials CDL.",
      'Merci for visiting Maison Verlaine. Type "menu" whenever you would like to begin again.',
    ]);
    expect(sessionVars(parley, 'limited-edition', 'client-2')).toMatchObject({ waitingList: true, colour: 'Cognac', strap: 'Gold chain', initials: 'CDL' });
  });
});
