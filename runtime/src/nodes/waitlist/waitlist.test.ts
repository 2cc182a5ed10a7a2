import type { Effect } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { testChat, testFlow, texts } from '../../testing';

const bag = { sku: 'BAG-LE', title: 'Le Sillage', price: 4200, currency: 'EUR', description: '', attributes: {} };

const flow = testFlow(
  [
    { id: 'start', type: 'start', data: {} },
    { id: 'list', type: 'waitlist', data: {} },
    { id: 'bye', type: 'message', data: { text: 'See you soon.' } },
    { id: 'oops', type: 'message', data: { text: 'Which product?' } },
  ],
  [
    ['start', 'next', 'list'],
    ['list', 'next', 'bye'],
    ['list', 'failed', 'oops'],
  ],
);

function waitlistEffect(effects: readonly Effect[] | undefined): Extract<Effect, { kind: 'waitlist' }> {
  const effect = effects?.[0];
  if (effect?.kind !== 'waitlist') throw new Error('expected a waitlist effect');
  return effect;
}

describe('waitlist node', () => {
  it('asks the server to list the customer with the notice rendered now, then confirms', () => {
    const chat = testChat(flow, { initialVars: { product: bag } });
    expect(chat.say('hi')).toEqual([]);
    const effect = waitlistEffect(chat.last?.effects);
    expect(effect).toMatchObject({ sku: 'BAG-LE', notice: 'Good news: Le Sillage is available again. Type "menu" to order it.' });
    const joined = chat.send({ kind: 'effect', effectId: effect.id, ok: true, result: { sku: 'BAG-LE' } });
    expect(texts(joined.replies)).toEqual(["You're on the waiting list: we'll message you here as soon as it is back.", 'See you soon.']);
  });

  it('takes "failed" when no product is known', () => {
    const chat = testChat(flow);
    expect(texts(chat.say('hi'))).toEqual(['Which product?']);
  });
});
