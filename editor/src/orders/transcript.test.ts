import { describe, expect, it } from 'vitest';
import type { TranscriptMessage } from '../api/orders';
import { transcriptLines } from './transcript';

const message = (direction: 'in' | 'out', body: unknown, turnId = 1): TranscriptMessage => ({ turnId, direction, at: '2026-01-01T00:00:00.000Z', externalId: null, body });

describe('a transcript as the orders page shows it', () => {
  it('tells what the customer typed and tapped, what the bot answered, and what happened in between', () => {
    const lines = transcriptLines([
      message('in', { kind: 'text', text: 'hi' }),
      message('out', { type: 'typing', ms: 800 }),
      message('out', { type: 'buttons', text: 'Which leather?', buttons: [{ title: 'Cognac', payload: 'cognac' }] }),
      message('in', { kind: 'postback', payload: 'cognac', title: 'Cognac' }, 2),
      message('in', { kind: 'payment', paymentId: 'pay_1', status: 'paid' }, 3),
      message('out', { type: 'text', text: 'Merci!' }, 3),
      message('in', { kind: 'notice', reason: 'back_in_stock' }, 4),
    ]);
    expect(lines).toEqual([
      { from: 'customer', text: 'hi' },
      { from: 'bot', reply: { type: 'buttons', text: 'Which leather?', buttons: [{ title: 'Cognac', payload: 'cognac' }] } },
      { from: 'customer', text: 'Tapped “Cognac”' },
      { from: 'system', text: 'Payment pay_1: paid' },
      { from: 'bot', reply: { type: 'text', text: 'Merci!' } },
      { from: 'system', text: 'Notice sent (back in stock)' },
    ]);
  });

  it('still shows a message of a shape it does not know', () => {
    expect(transcriptLines([message('out', { type: 'hologram' })])).toEqual([{ from: 'system', text: 'Reply: {"type":"hologram"}' }]);
  });
});
