import type { Reply } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { isPause } from '../http';
import { WHATSAPP_LIMITS, type WhatsappMessage, renderWhatsapp } from './render';

const messages = (replies: Reply[]): WhatsappMessage[] => renderWhatsapp(replies, 'Options').filter((step): step is WhatsappMessage => !isPause(step));
const options = (n: number, title = (i: number) => `Option ${i + 1}`) => Array.from({ length: n }, (_, i) => ({ title: title(i), payload: `opt-${i + 1}` }));
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('WhatsApp render', () => {
  it('sends up to three options as reply buttons, titles cut at 20', () => {
    const [message] = messages([{ type: 'buttons', text: 'Budget?', buttons: options(3, (i) => ['Under $30', '$30 to $60', 'Over $60 and a very long title'][i] ?? '') }]);
    expect(message).toEqual({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Budget?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'opt-1', title: 'Under $30' } },
            { type: 'reply', reply: { id: 'opt-2', title: '$30 to $60' } },
            { type: 'reply', reply: { id: 'opt-3', title: 'Over $60 and a very…' } },
          ],
        },
      },
    });
  });

  it('sends four to ten options as a list, rows cut at 24 with the whole title underneath; more are numbered', () => {
    const [list] = messages([{ type: 'buttons', text: 'Skin?', buttons: options(10, (i) => `A fairly long option title number ${i + 1}`) }]);
    const action = json(list).interactive.action;
    expect(json(list).interactive.type).toBe('list');
    expect(action.button).toBe('Options');
    const rows = action.sections.flatMap((s: { rows: unknown[] }) => s.rows);
    expect(rows).toHaveLength(WHATSAPP_LIMITS.rows);
    for (const row of rows) {
      expect(row.title.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.rowTitle);
      expect(row.description.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.rowDescription);
    }
    const [many] = messages([{ type: 'buttons', text: 'Pick', buttons: options(11) }]);
    expect(json(many).type).toBe('text');
    expect(json(many).text.body).toContain('11. Option 11');
  });

  it('falls back to a list when cut button titles would repeat, which WhatsApp refuses', () => {
    const [message] = messages([{ type: 'buttons', text: 'Which?', buttons: [{ title: 'Foundation matte finish A', payload: 'a' }, { title: 'Foundation matte finish B', payload: 'b' }] }]);
    expect(json(message).interactive.type).toBe('list');
  });

  it('sends each card as a button message with its picture as header and its links in the body', () => {
    const [message] = messages([
      {
        type: 'cards',
        cards: [{ title: 'Glow', subtitle: '$34', imageUrl: 'https://shop.example/g.jpg', buttons: [{ action: 'postback', title: 'Buy', payload: 'buy:G' }, { action: 'url', title: 'Details', url: 'https://shop.example/g' }] }],
      },
    ]);
    expect(message).toEqual({
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'image', image: { link: 'https://shop.example/g.jpg' } },
        body: { text: 'Glow\n$34\nDetails: https://shop.example/g' },
        action: { buttons: [{ type: 'reply', reply: { id: 'buy:G', title: 'Buy' } }] },
      },
    });
  });

  it('keeps bodies within 1024 and texts within 4096, sending the rest first; pays with a CTA URL', () => {
    const long = 'word '.repeat(1500).trim();
    const sent = messages([
      { type: 'text', text: long },
      { type: 'buttons', text: long, buttons: options(2) },
      { type: 'payment', text: 'Pay here', url: 'https://pay.example/p', paymentId: 'p', amount: 42, currency: 'USD', testMode: true },
    ]);
    for (const message of sent.map(json)) {
      if (message.type === 'text') expect(message.text.body.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.text);
      else expect(message.interactive.body.text.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.body);
    }
    expect(json(sent.at(-1))).toEqual({ type: 'interactive', interactive: { type: 'cta_url', body: { text: 'Pay here' }, action: { name: 'cta_url', parameters: { display_text: '💳 42 USD', url: 'https://pay.example/p' } } } });
  });
});
