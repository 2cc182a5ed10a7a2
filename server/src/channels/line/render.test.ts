import type { Reply } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { LINE_LIMITS, type LineStep, renderLine } from './render';

const steps = (replies: Reply[], chat = 'U1') => renderLine(replies, chat);
const messages = (replies: Reply[]) => steps(replies).flatMap((step) => ('message' in step ? [JSON.parse(JSON.stringify(step.message))] : []));
const options = (n: number, title = (i: number) => `Option ${i + 1}`) => Array.from({ length: n }, (_, i) => ({ title: title(i), payload: `opt-${i + 1}` }));

describe('LINE render', () => {
  it('asks with quick replies (≤13, labels 20), tapped as postbacks that show the title', () => {
    const [message] = messages([{ type: 'buttons', text: 'Skin?', buttons: options(13, (i) => `A long option label ${i}`) }]);
    expect(message.quickReply.items).toHaveLength(LINE_LIMITS.quickReplies);
    for (const item of message.quickReply.items) expect(item.action.label.length).toBeLessThanOrEqual(LINE_LIMITS.label);
    expect(message.quickReply.items[0].action).toEqual({ type: 'postback', label: 'A long option label…', data: 'opt-1', displayText: 'A long option label 0' });
    const [many] = messages([{ type: 'buttons', text: 'Pick', buttons: options(14) }]);
    expect(many).toEqual({ type: 'text', text: expect.stringContaining('14. Option 14') });
  });

  it('sends a payload too long for postback data as the title the customer says', () => {
    const [message] = messages([{ type: 'buttons', text: 'Pick', buttons: [{ title: 'Yes', payload: 'y'.repeat(LINE_LIMITS.data + 1) }] }]);
    expect(message.quickReply.items[0].action).toEqual({ type: 'message', label: 'Yes', text: 'Yes' });
  });

  it('writes options as numbers when more messages follow, since LINE shows only the last quick replies', () => {
    const sent = messages([
      { type: 'buttons', text: 'Pick', buttons: options(2) },
      { type: 'text', text: 'Take your time.' },
    ]);
    expect(sent).toEqual([
      { type: 'text', text: 'Pick\n\n1. Option 1\n2. Option 2' },
      { type: 'text', text: 'Take your time.' },
    ]);
  });

  it('shows cards as carousels of ≤10 alike columns: https images on all or none, the same number of actions', () => {
    const cards = Array.from({ length: 11 }, (_, i) => ({
      title: `Foundation number ${i} with a long name that goes on`,
      subtitle: 'x'.repeat(200),
      imageUrl: i === 3 ? 'http://insecure.example/3.jpg' : `https://shop.example/${i}.jpg`,
      buttons:
        i % 2 === 0
          ? [{ action: 'postback' as const, title: 'Buy', payload: `buy:${i}` }, { action: 'url' as const, title: 'Details', url: `https://shop.example/${i}` }]
          : [{ action: 'postback' as const, title: 'Buy', payload: `buy:${i}` }],
    }));
    const sent = messages([{ type: 'cards', cards }]);
    expect(sent).toHaveLength(2);
    const [first, second] = sent.map((m) => m.template.columns);
    expect(first).toHaveLength(LINE_LIMITS.columns);
    expect(second).toHaveLength(1);
    for (const column of [...first, ...second]) {
      expect(column.title.length).toBeLessThanOrEqual(LINE_LIMITS.columnTitle);
      expect(column.text.length).toBeLessThanOrEqual(LINE_LIMITS.columnTextWithTitle);
      expect(column.actions).toHaveLength(2);
      for (const action of column.actions) expect(action.label.length).toBeLessThanOrEqual(LINE_LIMITS.label);
    }
    // One column's image is not https: the first carousel shows none.
    expect(first.some((c: { thumbnailImageUrl?: string }) => c.thumbnailImageUrl)).toBe(false);
    expect(second[0].thumbnailImageUrl).toBe('https://shop.example/10.jpg');
    expect(first[1].actions[1]).toEqual({ type: 'message', label: 'Foundation number 1…', text: 'Foundation number 1 with a long name that goes on' });
    for (const carousel of sent) expect(carousel.altText.length).toBeLessThanOrEqual(LINE_LIMITS.altText);
  });

  it('links payments, videos and files, and shows the loading animation in one-to-one chats only', () => {
    const sent: LineStep[] = steps([
      { type: 'typing', ms: 3000 },
      { type: 'video', url: 'https://shop.example/v.mp4', caption: 'How to apply' },
      { type: 'payment', text: 'Pay here', url: 'https://pay.example/p', paymentId: 'p', amount: 42, currency: 'USD', testMode: true },
    ]).filter((step): step is LineStep => !('pause' in step));
    expect(sent).toEqual([
      { loading: 5 },
      { message: { type: 'text', text: 'How to apply\nhttps://shop.example/v.mp4' } },
      { message: { type: 'template', altText: 'Pay here https://pay.example/p', template: { type: 'buttons', text: 'Pay here', actions: [{ type: 'uri', label: '💳 42 USD', uri: 'https://pay.example/p' }] } } },
    ]);
    expect(steps([{ type: 'typing', ms: 3000 }], 'Ca56f94637c')).toEqual([{ pause: 3000 }]);
  });
});
