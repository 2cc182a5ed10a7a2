import { afterEach, beforeEach, expect, it } from 'vitest';
import { putProduct } from '../bots/products';
import { createBot } from '../bots/service';
import { type TestParley, testParley } from '../testing';
import { openOrder } from './orders';

let parley: TestParley;
beforeEach(() => {
  parley = testParley();
  expect(createBot(parley.deps, { id: 'shop', name: 'Shop' }).ok).toBe(true);
  expect(putProduct(parley.deps, 'shop', 'MUG', { title: 'Mug', price: 12, currency: 'EUR', stock: 2 }).ok).toBe(true);
});
afterEach(() => parley.close());

const open = (items: { sku: string; title: string; quantity: number; unitPrice: number }[], currency = 'EUR', paymentId = `pay-${Math.random()}`) =>
  openOrder(parley.deps.store, {
    paymentId,
    botId: 'shop',
    catalogId: 'shop',
    conversationId: 'conv-1',
    sessionId: 'sess-1',
    provider: 'test',
    effect: { kind: 'payment', id: 'e1', provider: 'test', currency, amount: items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0), description: 'Mug', items, expiresInMinutes: 30 },
    expiresAt: new Date(Date.now() + 1_800_000),
    now: new Date(),
  });

it('refuses a stale price, an unknown SKU, another currency and more units than are left, taking nothing', () => {
  expect(open([{ sku: 'MUG', title: 'Mug', quantity: 1, unitPrice: 10 }])).toMatchObject({ ok: false, failure: { code: 'price_changed' } });
  expect(open([{ sku: 'CUP', title: 'Cup', quantity: 1, unitPrice: 10 }])).toMatchObject({ ok: false, failure: { code: 'unknown_sku', skus: ['CUP'] } });
  expect(open([{ sku: 'MUG', title: 'Mug', quantity: 1, unitPrice: 12 }], 'USD')).toMatchObject({ ok: false, failure: { code: 'currency_mismatch' } });
  expect(open([{ sku: 'MUG', title: 'Mug', quantity: 3, unitPrice: 12 }])).toMatchObject({ ok: false, failure: { code: 'sold_out', skus: ['MUG'] } });
  expect(parley.deps.store.sqlite.prepare('select stock from products').pluck().get()).toBe(2);
  expect(parley.deps.store.sqlite.prepare('select count(*) from orders').pluck().get()).toBe(0);
  expect(open([{ sku: 'MUG', title: 'Mug', quantity: 2, unitPrice: 12 }]).ok).toBe(true);
  expect(parley.deps.store.sqlite.prepare('select stock from products').pluck().get()).toBe(0);
});
