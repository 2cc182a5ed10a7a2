import { loadExampleBots } from '@parley/examples';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type TestParley, buttonTitles, customer, loadExample, pathOf, testParley, texts } from './chat';

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
    // The bag was taken out of stock at checkout, and stays out once paid.
    const catalog = await (await parley.request('GET', '/api/bots/limited-edition/products')).json();
    expect(catalog.products[0].stock).toBe(4);
  });

  it('sells the last bag to exactly one of 50 customers buying at the same moment; the 49 others join the waiting list', async () => {
    parley = testParley();
    loadExample(parley, 'limited-edition', { products: withStock(1) });
    const chats = Array.from({ length: 50 }, (_, i) => customer(parley!, 'limited-edition', `buyer-${i}`));
    // Everyone customises first: the bag shows in stock for all 50.
    for (const chat of chats) expect((await customise(chat)).replies[1]?.type).toBe('cards');

    const answers = await Promise.all(chats.map((chat) => chat.tap('buy:MV-SILLAGE-LE', 'Buy')));
    const links = answers.flatMap((turn) => turn.replies.filter((reply) => reply.type === 'payment'));
    expect(links).toHaveLength(1);
    const told = answers.filter((turn) => texts(turn).some((text) => text.startsWith("I'm so sorry: the last Sillage of this edition has just found its owner.")));
    expect(told).toHaveLength(49);
    for (const turn of told) expect(buttonTitles(turn)).toEqual(['Yes, add me', 'No, thank you']);
    expect((await stockOf(parley)).stock).toBe(0);

    // The orders: one pending with the chosen options, nothing else opened.
    const orders = (await (await parley.request('GET', '/api/bots/limited-edition/orders')).json()).orders;
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      status: 'pending',
      amount: 4200,
      currency: 'EUR',
      items: [{ sku: 'MV-SILLAGE-LE', quantity: 1, unitPrice: 4200, options: { Leather: 'Cognac', Strap: 'Gold chain', Initials: 'CDL' } }],
    });

    // The 49 join the waiting list; the winner declines, the bag is back, and the list hears it once.
    const losers = chats.filter((_, i) => answers[i] !== undefined && !answers[i]!.replies.some((reply) => reply.type === 'payment'));
    for (const chat of losers) expect(texts(await chat.tap('yes', 'Yes, add me'))[0]).toMatch(/^You're on the list!/);
    expect((await parley.request('POST', `${pathOf(links[0]?.url ?? '')}/decline`)).status).toBe(303);
    expect((await stockOf(parley)).stock).toBe(1);
    const cancelled = (await (await parley.request('GET', '/api/bots/limited-edition/orders')).json()).orders;
    expect(cancelled[0].status).toBe('cancelled');
    await parley.scheduler.tick();
    await parley.scheduler.tick();
    for (const chat of losers) {
      const notices = (await chat.later()).map((message) => message.reply.text).filter((text) => text?.startsWith('Good news'));
      expect(notices).toEqual(['Good news: a Sillage of the limited edition is available again, in Cognac with Gold chain and your initials CDL. Type "menu" to make it yours before it goes.']);
    }
  });

  it('offers the waiting list when the edition is sold out', async () => {
    parley = testParley();
    loadExample(parley, 'limited-edition', { products: withStock(0) });
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
    // Restocked by a catalog import: the waiting customer is told, once.
    const imported = await parley.request('POST', '/api/bots/limited-edition/products', withStock(2));
    expect(imported.status).toBe(200);
    await parley.scheduler.tick();
    await parley.scheduler.tick();
    const notices = (await chat.later()).map((message) => message.reply.text).filter((text) => text?.startsWith('Good news'));
    expect(notices).toHaveLength(1);
  });
});

function withStock(stock: number) {
  const example = loadExampleBots().find((bot) => bot.id === 'limited-edition');
  const products = z.array(z.record(z.string(), z.unknown())).parse(example?.products);
  return products.map((product) => ({ ...product, stock }));
}

async function stockOf(parley: TestParley): Promise<{ stock: number | null }> {
  return (await (await parley.request('GET', '/api/bots/limited-edition/products')).json()).products[0];
}

describe('limited-edition checkout guards', () => {
  it('charges the price the catalog asks when the customer taps Buy, not the one on the cards', async () => {
    parley = testParley();
    loadExample(parley, 'limited-edition');
    const chat = customer(parley, 'limited-edition', 'late');
    await customise(chat);
    expect((await parley.request('PATCH', '/api/bots/limited-edition/products/MV-SILLAGE-LE', { price: 4500 })).status).toBe(200);
    const pay = await chat.tap('buy:MV-SILLAGE-LE', 'Buy');
    expect(pay.replies.find((reply) => reply.type === 'payment')).toMatchObject({ amount: 4500, currency: 'EUR' });
  });
});
