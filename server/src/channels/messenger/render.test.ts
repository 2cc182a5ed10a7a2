import type { Reply } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { isPause } from '../http';
import { INSTAGRAM_LIMITS, renderInstagram } from '../instagram/render';
import type { MessagingSend } from '../meta/render';
import { MESSENGER_LIMITS, renderMessenger } from './render';

const sends = (replies: Reply[], render = renderMessenger): MessagingSend[] => render(replies).filter((step): step is MessagingSend => !isPause(step));
const buttons = (n: number, title = (i: number) => `Option ${i + 1}`) => Array.from({ length: n }, (_, i) => ({ title: title(i), payload: `p${i + 1}` }));
const messageOf = (send: MessagingSend | undefined) => (send && 'message' in send ? send.message : undefined);

describe('Messenger render', () => {
  it('keeps up to three buttons under the question as a button template', () => {
    expect(sends([{ type: 'buttons', text: 'Skin?', buttons: buttons(3) }])).toEqual([
      {
        message: {
          attachment: {
            type: 'template',
            payload: { template_type: 'button', text: 'Skin?', buttons: buttons(3).map((b) => ({ type: 'postback', title: b.title, payload: b.payload })) },
          },
        },
      },
    ]);
  });

  it('offers four to thirteen options as quick replies, titles cut at 20 characters; more are numbered', () => {
    const [quick] = sends([{ type: 'buttons', text: 'Pick', buttons: buttons(13, (i) => `A rather long option title ${i}`) }]);
    const replies = messageOf(quick)?.quick_replies;
    expect(Array.isArray(replies) && replies.length).toBe(MESSENGER_LIMITS.quickReplies);
    for (const reply of Array.isArray(replies) ? replies : []) {
      const title = typeof reply === 'object' && reply !== null && !Array.isArray(reply) ? String(reply.title) : '';
      expect(title.length).toBeLessThanOrEqual(20);
      expect(title.endsWith('…')).toBe(true);
    }
    const [many] = sends([{ type: 'buttons', text: 'Pick', buttons: buttons(14) }]);
    expect(messageOf(many)).toEqual({ text: `Pick\n\n${buttons(14).map((b, i) => `${i + 1}. ${b.title}`).join('\n')}` });
  });

  it('puts a question longer than a template holds into quick replies instead', () => {
    const text = 'q'.repeat(MESSENGER_LIMITS.templateText + 1);
    const [send] = sends([{ type: 'buttons', text, buttons: buttons(2) }]);
    expect(messageOf(send)?.text).toBe(text);
    expect(messageOf(send)?.quick_replies).toHaveLength(2);
  });

  it('shows cards as generic templates of at most 10 elements and 3 buttons, titles within 80', () => {
    const cards = Array.from({ length: 12 }, (_, i) => ({
      title: `${'Foundation '.repeat(10)}${i}`,
      subtitle: 's'.repeat(100),
      imageUrl: `https://shop.example/${i}.jpg`,
      buttons: [
        { action: 'postback' as const, title: 'Buy', payload: `buy:${i}` },
        { action: 'url' as const, title: 'Details', url: `https://shop.example/${i}` },
        { action: 'postback' as const, title: 'Save', payload: `save:${i}` },
        { action: 'postback' as const, title: 'Share', payload: `share:${i}` },
      ],
    }));
    const templates = sends([{ type: 'cards', cards }]);
    expect(templates).toHaveLength(2);
    const elements = templates.map((t) => JSON.parse(JSON.stringify(messageOf(t))).attachment.payload.elements);
    expect(elements.map((e: unknown[]) => e.length)).toEqual([10, 2]);
    for (const element of elements.flat()) {
      expect(element.title.length).toBeLessThanOrEqual(80);
      expect(element.subtitle.length).toBeLessThanOrEqual(80);
      expect(element.buttons.length).toBeLessThanOrEqual(3);
    }
    expect(elements[0][0].buttons[1]).toEqual({ type: 'web_url', url: 'https://shop.example/0', title: 'Details' });
  });

  it('links a payment with a button, shows typing, and splits long texts at 2000 (Instagram: 1000)', () => {
    const steps = renderMessenger([
      { type: 'typing', ms: 500 },
      { type: 'payment', text: 'Pay for your order', url: 'https://pay.example/p', paymentId: 'p', amount: 42, currency: 'USD', testMode: true },
    ]);
    expect(steps).toEqual([
      { sender_action: 'typing_on' },
      { pause: 500 },
      { message: { attachment: { type: 'template', payload: { template_type: 'button', text: 'Pay for your order', buttons: [{ type: 'web_url', url: 'https://pay.example/p', title: '💳 42 USD' }] } } } },
    ]);
    const long = 'word '.repeat(700);
    expect(sends([{ type: 'text', text: long }]).every((s) => String(messageOf(s)?.text).length <= MESSENGER_LIMITS.text)).toBe(true);
    const ig = sends([{ type: 'text', text: long }], renderInstagram);
    expect(ig.length).toBeGreaterThan(2);
    expect(ig.every((s) => String(messageOf(s)?.text).length <= INSTAGRAM_LIMITS.text)).toBe(true);
  });
});
