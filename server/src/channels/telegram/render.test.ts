import type { Reply } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isPause } from '../http';
import { TELEGRAM_LIMITS, type TelegramCall, renderTelegram } from './render';

const calls = (replies: Reply[], context?: Record<string, string>): TelegramCall[] =>
  renderTelegram(replies, { customerId: '42', ...(context ? { context } : {}) }).filter((step): step is TelegramCall => !isPause(step));

const keyboardSchema = z.object({ inline_keyboard: z.array(z.array(z.object({ text: z.string(), callback_data: z.string().optional(), url: z.string().optional() }))) });
const keys = (call: TelegramCall | undefined) => keyboardSchema.parse(call?.body.reply_markup).inline_keyboard.flat();

describe('Telegram render', () => {
  it('shows buttons as an inline keyboard, one per row, their payload as callback data', () => {
    const [call] = calls([{ type: 'buttons', text: 'Skin type?', buttons: [{ title: 'Dry', payload: 'dry' }, { title: 'Oily', payload: 'oily' }] }]);
    expect(call).toEqual({
      method: 'sendMessage',
      body: { chat_id: 42, text: 'Skin type?', reply_markup: { inline_keyboard: [[{ text: 'Dry', callback_data: 'dry' }], [{ text: 'Oily', callback_data: 'oily' }]] } },
    });
  });

  it('numbers the options when a payload is longer than the 64 bytes of callback data', () => {
    const long = 'x'.repeat(TELEGRAM_LIMITS.callbackDataBytes + 1);
    const [call] = calls([{ type: 'buttons', text: 'Pick', buttons: [{ title: 'A', payload: long }, { title: 'B', payload: 'b' }] }]);
    expect(call?.body).toEqual({ chat_id: 42, text: 'Pick\n\n1. A\n2. B' });
  });

  it('sends one photo per card with its caption and buttons; url buttons open links', () => {
    const sent = calls([
      {
        type: 'cards',
        cards: [
          { title: 'Glow', subtitle: '$34', imageUrl: 'https://shop.example/glow.jpg', buttons: [{ action: 'postback', title: 'Buy', payload: 'buy:G' }, { action: 'url', title: 'Details', url: 'https://shop.example/glow' }] },
          { title: 'Matte', buttons: [{ action: 'postback', title: 'Buy', payload: 'buy:M' }] },
        ],
      },
    ]);
    expect(sent.map((call) => call.method)).toEqual(['sendPhoto', 'sendMessage']);
    expect(sent[0]?.body).toMatchObject({ photo: 'https://shop.example/glow.jpg', caption: 'Glow\n$34' });
    expect(keys(sent[0])).toEqual([{ text: 'Buy', callback_data: 'buy:G' }, { text: 'Details', url: 'https://shop.example/glow' }]);
    expect(sent[1]?.body).toMatchObject({ text: 'Matte' });
  });

  it('keeps every text and caption within its limit, splitting rather than losing words', () => {
    const longText = 'word '.repeat(2000).trim();
    const longCaption = 'c'.repeat(TELEGRAM_LIMITS.caption + 10);
    const sent = calls([
      { type: 'text', text: longText },
      { type: 'image', url: 'https://shop.example/a.jpg', caption: longCaption },
    ]);
    for (const call of sent) {
      if (typeof call.body.text === 'string') expect(call.body.text.length).toBeLessThanOrEqual(TELEGRAM_LIMITS.text);
      if (typeof call.body.caption === 'string') expect(call.body.caption.length).toBeLessThanOrEqual(TELEGRAM_LIMITS.caption);
    }
    const texts = sent.filter((call) => call.method === 'sendMessage').map((call) => String(call.body.text));
    expect(texts.slice(0, -1).join(' ')).toBe(longText);
    expect(texts.at(-1)).toBe(longCaption);
    expect(sent.find((call) => call.method === 'sendPhoto')?.body.caption).toBeUndefined();
  });

  it('answers the tapped button first, shows typing, and links the payment', () => {
    const steps = renderTelegram(
      [
        { type: 'typing', ms: 800 },
        { type: 'payment', text: 'Pay here', url: 'https://pay.example/p1', paymentId: 'p1', amount: 42, currency: 'USD', testMode: true },
      ],
      { customerId: '42', context: { callbackQueryId: 'q1' } },
    );
    expect(steps).toEqual([
      { method: 'answerCallbackQuery', body: { callback_query_id: 'q1' } },
      { method: 'sendChatAction', body: { chat_id: 42, action: 'typing' } },
      { pause: 800 },
      { method: 'sendMessage', body: { chat_id: 42, text: 'Pay here', reply_markup: { inline_keyboard: [[{ text: '💳 42 USD', url: 'https://pay.example/p1' }]] } } },
    ]);
  });
});
