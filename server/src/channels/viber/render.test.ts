import type { Reply } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { isPause } from '../http';
import { VIBER_LIMITS, type ViberMessage, renderViber } from './render';
import { tapOf } from './tracking';

const messages = (replies: Reply[]) => renderViber(replies).steps.filter((step): step is ViberMessage => !isPause(step)).map((m) => JSON.parse(JSON.stringify(m)));

describe('Viber render', () => {
  it('asks with a keyboard whose taps map back to payloads through the tracking data', () => {
    const rendered = renderViber([{ type: 'buttons', text: 'Skin?', buttons: [{ title: 'Dry', payload: 'dry' }, { title: 'Oily', payload: 'oily' }] }]);
    expect(rendered.steps).toEqual([
      {
        type: 'text',
        text: 'Skin?',
        keyboard: {
          Type: 'keyboard',
          DefaultHeight: false,
          Buttons: [
            { Columns: 6, Rows: 1, ActionType: 'reply', ActionBody: 'Dry', Text: 'Dry' },
            { Columns: 6, Rows: 1, ActionType: 'reply', ActionBody: 'Oily', Text: 'Oily' },
          ],
        },
      },
    ]);
    expect(tapOf(rendered.trackingData, 'Oily')).toEqual({ payload: 'oily', title: 'Oily' });
  });

  it('numbers options past 24 keyboard buttons', () => {
    const buttons = Array.from({ length: VIBER_LIMITS.keyboardButtons + 1 }, (_, i) => ({ title: `Option ${i + 1}`, payload: `p${i}` }));
    const [message] = messages([{ type: 'buttons', text: 'Pick', buttons }]);
    expect(message.keyboard).toBeUndefined();
    expect(message.text).toContain('25. Option 25');
  });

  it('shows cards as rich media groups of 6 × 7, at most 6 per message, each tap distinct', () => {
    const cards = Array.from({ length: 7 }, (_, i) => ({
      title: `Glow <${i}>`,
      subtitle: '$34',
      ...(i % 2 === 0 ? { imageUrl: `https://shop.example/${i}.jpg` } : {}),
      buttons: [{ action: 'postback' as const, title: 'Buy', payload: `buy:${i}` }, { action: 'url' as const, title: 'Details', url: `https://shop.example/${i}` }],
    }));
    const rendered = renderViber([{ type: 'cards', cards }]);
    const sent = messages([{ type: 'cards', cards }]);
    expect(sent).toHaveLength(2);
    for (const message of sent) {
      const media = message.rich_media;
      const rows = media.Buttons.reduce((sum: number, b: { Rows: number }) => sum + b.Rows, 0);
      expect(rows % VIBER_LIMITS.groupRows).toBe(0);
      expect(rows / VIBER_LIMITS.groupRows).toBeLessThanOrEqual(VIBER_LIMITS.groups);
      for (const button of media.Buttons) if (button.Text) expect(button.Text.length).toBeLessThanOrEqual(VIBER_LIMITS.buttonText);
    }
    expect(sent[0].rich_media.Buttons[1].Text).toBe('<b>Glow &lt;0&gt;</b><br>$34');
    expect(tapOf(rendered.trackingData, 'Buy: Glow <3>')).toEqual({ payload: 'buy:3', title: 'Buy' });
  });

  it('sends videos and files as links (Viber needs their byte size) and pays through an open-url key', () => {
    const sent = messages([
      { type: 'file', url: 'https://shop.example/guide.pdf', name: 'Shade guide' },
      { type: 'payment', text: 'Pay here', url: 'https://pay.example/p', paymentId: 'p', amount: 42, currency: 'USD', testMode: true },
    ]);
    expect(sent[0]).toEqual({ type: 'text', text: 'Shade guide: https://shop.example/guide.pdf' });
    expect(sent[1].keyboard.Buttons).toEqual([{ Columns: 6, Rows: 1, ActionType: 'open-url', ActionBody: 'https://pay.example/p', Text: '💳 42 USD' }]);
  });
});
