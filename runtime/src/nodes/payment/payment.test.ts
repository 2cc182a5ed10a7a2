import type { Effect, JsonValue } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { type TestChat, type TestNode, testChat, testFlow, texts } from '../../testing';

const tint = { sku: 'TINT-01', title: 'Balance Tint', price: 22, currency: 'USD', description: '', attributes: {} };
const serum = { sku: 'SER-02', title: 'Night Serum', price: 35.5, currency: 'USD', description: '', attributes: {} };

function payFlow(data: Record<string, unknown> = {}) {
  return testFlow(
    [
      { id: 'start', type: 'start', data: { triggers: [{ id: 'menu', label: 'Menu', keywords: ['menu'] }] } },
      { id: 'pay', type: 'payment', data },
      { id: 'thanks', type: 'message', data: { text: 'Thank you! Paid {{payment.amount}} {{payment.currency}}.' } },
      { id: 'sorry', type: 'message', data: { text: 'Payment {{payment.status}}.' } },
      { id: 'menu', type: 'message', data: { text: 'Main menu' } },
      { id: 'gone', type: 'message', data: { text: 'So sorry, it just sold out ({{payment.status}}).' } },
    ],
    [
      ['start', 'next', 'pay'],
      ['start', 'menu', 'menu'],
      ['pay', 'paid', 'thanks'],
      ['pay', 'failed', 'sorry'],
      ['pay', 'soldOut', 'gone'],
    ],
    { variables: [{ name: 'payment' }] },
  );
}

function paymentEffect(chat: TestChat): Extract<Effect, { kind: 'payment' }> {
  const effect = chat.last?.effects[0];
  if (effect?.kind !== 'payment') throw new Error('expected a payment effect');
  return effect;
}

/** Plays the server: the provider made the link. */
function linkCreated(chat: TestChat, paymentId = 'pi_123', testMode = true) {
  const effect = paymentEffect(chat);
  return chat.send({ kind: 'effect', effectId: effect.id, ok: true, result: { paymentId, url: `https://pay.test/${paymentId}`, testMode } });
}

describe('payment node', () => {
  it('takes "sold out" when the server could not reserve the units, and "failed" for other refusals', () => {
    const chat = testChat(payFlow(), { initialVars: { product: tint } });
    chat.say('buy');
    const soldOut = chat.send({ kind: 'effect', effectId: paymentEffect(chat).id, ok: false, code: 'sold_out', error: 'Sold out: TINT-01.' });
    expect(texts(soldOut.replies)).toEqual(['So sorry, it just sold out (sold_out).']);
    expect(soldOut.events.map((e) => e.type)).toContain('payment.sold_out');

    const other = testChat(payFlow(), { initialVars: { product: tint } });
    other.say('buy');
    const refused = other.send({ kind: 'effect', effectId: paymentEffect(other).id, ok: false, code: 'currency_mismatch', error: '"Balance Tint" is priced in USD, not EUR.' });
    expect(texts(refused.replies)).toEqual(['Payment failed.']);
  });

  it('asks the server for a link for the product, quantity included', () => {
    const chat = testChat(payFlow({ quantity: 2 }), { initialVars: { product: tint } });
    expect(chat.say('I want it')).toEqual([]);
    expect(paymentEffect(chat)).toEqual({
      kind: 'payment',
      id: expect.stringMatching(/^pay-/),
      provider: 'test',
      currency: 'USD',
      amount: 44,
      description: 'Balance Tint × 2',
      items: [{ sku: 'TINT-01', title: 'Balance Tint', quantity: 2, unitPrice: 22 }],
      expiresInMinutes: 30,
    });
    expect(chat.session?.waitingAt).toBe('pay');
    expect(chat.session?.state).toEqual({ phase: 'creating', effectId: paymentEffect(chat).id, amount: 44, currency: 'USD' });
  });

  it('sends the link once created, then takes "paid" when the payment arrives', () => {
    const chat = testChat(payFlow(), { initialVars: { product: tint } });
    chat.say('buy');
    const created = linkCreated(chat);
    expect(created.replies).toEqual([
      { type: 'payment', text: 'Tap to pay $22.00', url: 'https://pay.test/pi_123', paymentId: 'pi_123', amount: 22, currency: 'USD', testMode: true },
    ]);
    expect(created.events).toContainEqual(expect.objectContaining({ type: 'payment.created', nodeId: 'pay' }));
    expect(chat.vars.payment).toEqual({ id: 'pi_123', amount: 22, currency: 'USD', price: '$22.00', status: 'pending' });

    const paid = chat.send({ kind: 'payment', paymentId: 'pi_123', status: 'paid' });
    expect(texts(paid.replies)).toEqual(['Thank you! Paid 22 USD.']);
    expect(paid.events).toContainEqual(expect.objectContaining({ type: 'payment.paid', nodeId: 'pay' }));
    expect(chat.vars.payment).toEqual({ id: 'pi_123', amount: 22, currency: 'USD', price: '$22.00', status: 'paid' });
  });

  it('takes "failed" when the link fails or expires, recording which', () => {
    for (const status of ['failed', 'expired'] as const) {
      const chat = testChat(payFlow(), { initialVars: { product: tint } });
      chat.say('buy');
      linkCreated(chat);
      expect(texts(chat.send({ kind: 'payment', paymentId: 'pi_123', status }).replies)).toEqual([`Payment ${status}.`]);
      expect(chat.vars.payment).toMatchObject({ id: 'pi_123', status });
    }
  });

  it('ignores news about another payment and keeps waiting', () => {
    const chat = testChat(payFlow(), { initialVars: { product: tint } });
    chat.say('buy');
    linkCreated(chat);
    const other = chat.send({ kind: 'payment', paymentId: 'pi_old', status: 'paid' });
    expect(other.replies).toEqual([]);
    expect(chat.session?.waitingAt).toBe('pay');
    expect(chat.vars.payment).toMatchObject({ status: 'pending' });
    expect(texts(chat.send({ kind: 'payment', paymentId: 'pi_123', status: 'paid' }).replies)).toEqual(['Thank you! Paid 22 USD.']);
  });

  it('reminds the customer of the open link once, then stays quiet', () => {
    const chat = testChat(payFlow({ reminderText: 'Still open, {{payment.amount}} {{payment.currency}}:' }), { initialVars: { product: tint } });
    chat.say('buy');
    linkCreated(chat);
    expect(chat.say('is it safe?')).toEqual([
      { type: 'payment', text: 'Still open, 22 USD:', url: 'https://pay.test/pi_123', paymentId: 'pi_123', amount: 22, currency: 'USD', testMode: true },
    ]);
    expect(chat.say('hello?')).toEqual([]);
    expect(chat.session?.waitingAt).toBe('pay');
    expect(texts(chat.send({ kind: 'payment', paymentId: 'pi_123', status: 'paid' }).replies)).toEqual(['Thank you! Paid 22 USD.']);
  });

  it('leaves keywords to the engine while pending', () => {
    const chat = testChat(payFlow(), { initialVars: { product: tint } });
    chat.say('buy');
    linkCreated(chat);
    expect(texts(chat.say('menu'))).toEqual(['Main menu']);
  });

  it('ignores the customer and other results while the link is being made', () => {
    const chat = testChat(payFlow(), { initialVars: { product: tint } });
    chat.say('buy');
    const effectId = paymentEffect(chat).id;
    expect(chat.say('hurry')).toEqual([]);
    expect(chat.send({ kind: 'effect', effectId: 'http-other', ok: true, result: {} }).replies).toEqual([]);
    expect(chat.session?.state).toMatchObject({ phase: 'creating', effectId });
    expect(chat.send({ kind: 'effect', effectId, ok: true, result: { paymentId: 'pi_9', url: 'https://pay.test/pi_9' } }).replies).toHaveLength(1);
  });

  it('takes "failed" when the link cannot be created', () => {
    const chat = testChat(payFlow(), { initialVars: { product: tint } });
    chat.say('buy');
    const failed = chat.send({ kind: 'effect', effectId: paymentEffect(chat).id, ok: false, error: 'provider down' });
    expect(texts(failed.replies)).toEqual(['Payment failed.']);
    expect(chat.vars.payment).toEqual({ amount: 22, currency: 'USD', status: 'failed', error: 'The payment link could not be created: provider down.' });
    expect(failed.events).toContainEqual(expect.objectContaining({ type: 'payment.error', nodeId: 'pay' }));
  });

  it('charges a whole cart, keeping each line quantity', () => {
    const cart: JsonValue = [{ ...tint, quantity: 3 }, serum];
    const chat = testChat(payFlow({ productVariable: 'cart', description: 'Order for {{name}}' }), { initialVars: { cart, name: 'Ana' } });
    chat.say('checkout');
    expect(paymentEffect(chat)).toMatchObject({
      amount: 101.5,
      currency: 'USD',
      description: 'Order for Ana',
      items: [
        { sku: 'TINT-01', title: 'Balance Tint', quantity: 3, unitPrice: 22 },
        { sku: 'SER-02', title: 'Night Serum', quantity: 1, unitPrice: 35.5 },
      ],
    });
  });

  it('takes "failed" with an error event when there is nothing valid to charge', () => {
    const cases: { vars: Record<string, JsonValue>; error: RegExp }[] = [
      { vars: {}, error: /holds no product/ },
      { vars: { product: [] }, error: /empty/ },
      { vars: { product: [tint, { ...serum, currency: 'EUR' }] }, error: /mixes currencies/ },
    ];
    for (const { vars, error } of cases) {
      const chat = testChat(payFlow(), { initialVars: vars });
      const turn = chat.send({ kind: 'text', text: 'buy' });
      expect(turn.effects).toEqual([]);
      expect(texts(turn.replies)).toEqual(['Payment failed.']);
      expect(chat.vars.payment).toMatchObject({ status: 'failed', error: expect.stringMatching(error) });
      expect(turn.events).toContainEqual(expect.objectContaining({ type: 'payment.error' }));
    }
  });

  it('charges an amount rendered from a template', () => {
    const flow = payFlow({ source: 'amount', amount: '{{total}}', currency: 'EUR', description: 'Deposit for {{name}}', provider: 'stripe' });
    const chat = testChat(flow, { initialVars: { total: '1,299.5', name: 'Ana' } });
    chat.say('pay');
    expect(paymentEffect(chat)).toMatchObject({
      provider: 'stripe',
      amount: 1299.5,
      currency: 'EUR',
      description: 'Deposit for Ana',
      items: [{ title: 'Deposit for Ana', quantity: 1, unitPrice: 1299.5 }],
    });
    expect(linkCreated(chat, 'pi_live', false).replies[0]).toMatchObject({ text: 'Tap to pay €1,299.50', testMode: false });
  });

  it('takes "failed" for an amount that is not a positive number', () => {
    for (const total of ['abc', '-5', '0', '']) {
      const chat = testChat(payFlow({ source: 'amount', amount: '{{total}}', currency: 'EUR' }), { initialVars: { total } });
      const turn = chat.send({ kind: 'text', text: 'pay' });
      expect(turn.effects).toEqual([]);
      expect(chat.vars.payment).toMatchObject({ status: 'failed', currency: 'EUR' });
      expect(turn.events).toContainEqual(expect.objectContaining({ type: 'payment.error' }));
    }
    const decimalComma = testChat(payFlow({ source: 'amount', amount: '49,90', currency: 'EUR' }));
    decimalComma.say('pay');
    expect(paymentEffect(decimalComma).amount).toBe(49.9);
  });

  it('explains a config that cannot work', () => {
    const node = (data: Record<string, unknown>): TestNode => ({ id: 'pay', type: 'payment', data });
    const flow = (data: Record<string, unknown>) => testFlow([{ id: 'start', type: 'start' }, node(data)], [['start', null, 'pay']]);
    expect(() => testChat(flow({ source: 'amount', amount: '10' }))).toThrow('a payment of an amount needs its currency');
    expect(() => testChat(flow({ source: 'amount', currency: 'usd', amount: '10' }))).toThrow('a currency is a three-letter ISO code such as USD');
  });
});
