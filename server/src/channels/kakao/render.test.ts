import type { Reply } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { KAKAO_LIMITS, renderKakao } from './render';

const response = (replies: Reply[], blockId?: string) => JSON.parse(JSON.stringify(renderKakao(replies, blockId)));
const options = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `A rather long option ${i + 1}`, payload: `opt-${i + 1}` }));

describe('KakaoTalk render', () => {
  it('merges texts into one bubble and puts the question’s options in quick replies (≤10, labels 14)', () => {
    const answer = response([{ type: 'text', text: 'Welcome!' }, { type: 'buttons', text: 'Skin?', buttons: options(10) }]);
    expect(answer.version).toBe('2.0');
    expect(answer.template.outputs).toEqual([{ simpleText: { text: 'Welcome!\n\nSkin?' } }]);
    expect(answer.template.quickReplies).toHaveLength(10);
    expect(answer.template.quickReplies[0]).toEqual({ label: 'A rather long…', action: 'message', messageText: 'A rather long option 1' });
    for (const quick of answer.template.quickReplies) expect(quick.label.length).toBeLessThanOrEqual(KAKAO_LIMITS.label);
  });

  it('numbers more than ten options, and carries exact payloads through the bot’s block when it is set', () => {
    const many = response([{ type: 'buttons', text: 'Pick', buttons: options(11) }]);
    expect(many.template.quickReplies).toBeUndefined();
    expect(many.template.outputs[0].simpleText.text).toContain('11. A rather long option 11');
    const viaBlock = response([{ type: 'buttons', text: 'Pick', buttons: options(2) }], '5f3c1a9b8e7d6c5b4a392817');
    expect(viaBlock.template.quickReplies[1]).toEqual({ label: 'A rather long…', action: 'block', blockId: '5f3c1a9b8e7d6c5b4a392817', messageText: 'A rather long option 2', extra: { payload: 'opt-2' } });
  });

  it('shows cards as a carousel (≤10) of textCards, or basicCards when every card has a picture', () => {
    const card = (i: number, imageUrl?: string) => ({
      title: `Foundation ${i}`,
      subtitle: 'd'.repeat(300),
      ...(imageUrl ? { imageUrl } : {}),
      buttons: [{ action: 'postback' as const, title: 'Buy', payload: `buy:${i}` }, { action: 'url' as const, title: 'Details', url: `https://shop.example/${i}` }],
    });
    const text = response([{ type: 'cards', cards: Array.from({ length: 12 }, (_, i) => card(i, i === 0 ? undefined : `https://shop.example/${i}.jpg`)) }]);
    const [first, second] = text.template.outputs;
    expect(first.carousel.type).toBe('textCard');
    expect(first.carousel.items).toHaveLength(KAKAO_LIMITS.carousel);
    expect(second.carousel.type).toBe('basicCard');
    expect(second.carousel.items[0].thumbnail).toEqual({ imageUrl: 'https://shop.example/10.jpg' });
    for (const item of [...first.carousel.items, ...second.carousel.items]) expect(item.description.length).toBeLessThanOrEqual(KAKAO_LIMITS.description);
    expect(first.carousel.items[1].buttons).toEqual([
      { label: 'Buy', action: 'message', messageText: 'Foundation 1' },
      { label: 'Details', action: 'webLink', webLinkUrl: 'https://shop.example/1' },
    ]);
  });

  it('never answers more than three outputs, writing the rest as one text', () => {
    const answer = response([
      { type: 'image', url: 'https://shop.example/a.jpg' },
      { type: 'cards', cards: [{ title: 'One', buttons: [] }] },
      { type: 'image', url: 'https://shop.example/b.jpg' },
      { type: 'payment', text: 'Pay here', url: 'https://pay.example/p', paymentId: 'p', amount: 42, currency: 'USD', testMode: true },
    ]);
    expect(answer.template.outputs).toHaveLength(KAKAO_LIMITS.outputs);
    expect(answer.template.outputs[2]).toEqual({ simpleText: { text: 'https://shop.example/b.jpg\n\nPay here\nhttps://pay.example/p' } });
    expect(response([]).template.outputs).toHaveLength(1);
  });
});
