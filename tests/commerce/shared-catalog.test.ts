import { loadExampleBots } from '@parley/examples';
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { type TestParley, customer, loadExample, testParley } from '../examples/chat';

let parley: TestParley | undefined;
afterEach(() => parley?.close());

const stock = async (p: TestParley, botId: string) => (await (await p.request('GET', `/api/bots/${botId}/products`)).json()).products[0]?.stock;

async function buy(chat: ReturnType<typeof customer>) {
  await chat.say('hi');
  await chat.tap('noir', 'Noir');
  await chat.tap('chain', 'Gold chain');
  await chat.say('AB');
  return chat.tap('buy:MV-SILLAGE-LE', 'Buy');
}

it("sells from another bot's catalog: one stock for both bots, written only where it is kept", async () => {
  parley = testParley();
  const products = z.array(z.record(z.string(), z.unknown())).parse(loadExampleBots().find((bot) => bot.id === 'limited-edition')?.products);
  loadExample(parley, 'limited-edition', { products: products.map((product) => ({ ...product, stock: 1 })) });
  // A second bot (say, the boutique's LINE account) with the same flow and no catalog of its own.
  const flow = (await (await parley.request('GET', '/api/bots/limited-edition/export')).json());
  expect((await parley.request('POST', '/api/bots', { id: 'boutique', name: 'Boutique', flow })).status).toBe(201);
  expect((await parley.request('POST', '/api/bots/boutique/publish', { note: 'v1' })).status).toBe(200);
  const shared = await parley.request('PATCH', '/api/bots/boutique', { catalogBotId: 'limited-edition' });
  expect(await shared.json()).toMatchObject({ id: 'boutique', catalogBotId: 'limited-edition' });
  expect(await stock(parley, 'boutique')).toBe(1);

  // The boutique sells the last bag: the first bot has none left.
  const first = await buy(customer(parley, 'boutique', 'b-1'));
  expect(first.replies.some((reply) => reply.type === 'payment')).toBe(true);
  expect(await stock(parley, 'limited-edition')).toBe(0);
  const second = await buy(customer(parley, 'limited-edition', 'l-1'));
  expect(second.replies.some((reply) => reply.type === 'payment')).toBe(false);

  // Changes go to the owner; the owner cannot be deleted or share in turn while it is shared.
  const refused = await parley.request('POST', '/api/bots/boutique/products', products);
  expect(refused.status).toBe(409);
  expect((await refused.json()).error.code).toBe('uses_shared_catalog');
  expect((await parley.request('DELETE', '/api/bots/limited-edition')).status).toBe(409);
  expect((await parley.request('PATCH', '/api/bots/limited-edition', { catalogBotId: 'boutique' })).status).toBe(400);
  const unknown = await parley.request('PATCH', '/api/bots/boutique', { catalogBotId: 'nope' });
  expect((await unknown.json()).error).toMatchObject({ code: 'not_found', field: 'catalogBotId' });

  // Deleting the sharing bot gives its unpaid order's bag back.
  expect((await parley.request('DELETE', '/api/bots/boutique')).status).toBe(200);
  expect(await stock(parley, 'limited-edition')).toBe(1);
});
