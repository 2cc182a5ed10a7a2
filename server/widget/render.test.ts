// @vitest-environment happy-dom
import type { Reply } from '@parley/shared';
import { describe, expect, it, vi } from 'vitest';
import { readConfig } from './config';
import { renderReply, renderSent } from './render';

const tapped: { payload: string; title: string }[] = [];
const actions = { postback: (payload: string, title: string) => void tapped.push({ payload, title }) };
const render = (reply: Reply) => {
  const node = renderReply(reply, actions);
  if (!node) throw new Error('nothing rendered');
  return node;
};

describe('renderReply', () => {
  it('shows text as text, never as HTML', () => {
    const node = render({ type: 'text', text: '<img src=x onerror=alert(1)> hello' });
    expect(node.textContent).toBe('<img src=x onerror=alert(1)> hello');
    expect(node.querySelector('img')).toBeNull();
    expect(node.dataset.from).toBe('bot');
  });

  it('shows pictures and videos with their captions, refusing unsafe URLs', () => {
    const image = render({ type: 'image', url: 'https://cdn.example/a.jpg', caption: 'Shade card' });
    expect(image.querySelector('img')?.getAttribute('src')).toBe('https://cdn.example/a.jpg');
    expect(image.querySelector('img')?.getAttribute('alt')).toBe('Shade card');
    const video = render({ type: 'video', url: 'https://cdn.example/a.mp4' });
    expect(video.querySelector('video')?.getAttribute('src')).toBe('https://cdn.example/a.mp4');
    expect(render({ type: 'image', url: 'javascript:alert(1)' }).querySelector('img')).toBeNull();
  });

  it('links files in a new tab, and shows an unsafe link as plain text', () => {
    const file = render({ type: 'file', url: 'https://cdn.example/guide.pdf', name: 'guide.pdf' });
    const a = file.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://cdn.example/guide.pdf');
    expect(a?.getAttribute('target')).toBe('_blank');
    expect(a?.getAttribute('rel')).toContain('noopener');
    expect(a?.textContent).toContain('guide.pdf');
    const unsafe = render({ type: 'file', url: 'javascript:alert(1)', name: 'x' });
    expect(unsafe.querySelector('a')).toBeNull();
  });

  it('sends a tapped quick reply as its payload with its title, once', () => {
    tapped.length = 0;
    const node = render({ type: 'buttons', text: 'Skin type?', buttons: [{ title: 'Dry', payload: 'skin:dry' }, { title: 'Oily', payload: 'skin:oily' }] });
    expect(node.querySelector('.bubble')?.textContent).toBe('Skin type?');
    const buttons = [...node.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Dry', 'Oily']);
    buttons[1]?.click();
    buttons[0]?.click();
    expect(tapped).toEqual([{ payload: 'skin:oily', title: 'Oily' }]);
    expect(buttons.every((b) => b.disabled)).toBe(true);
  });

  it('shows cards as a carousel with postback, link and pay buttons', () => {
    tapped.length = 0;
    const node = render({
      type: 'cards',
      cards: [
        { title: 'Glow', subtitle: '$34 · dewy', imageUrl: 'https://cdn.example/glow.jpg', buttons: [{ action: 'postback', title: 'Buy', payload: 'buy:G1' }, { action: 'url', title: 'Details', url: 'https://shop.example/g1' }] },
        { title: 'Matte', buttons: [{ action: 'pay', title: 'Pay now', url: 'https://pay.example/p1', paymentId: 'pay_1' }] },
      ],
    });
    const cards = [...node.querySelectorAll('.card')];
    expect(cards).toHaveLength(2);
    expect(cards[0]?.getAttribute('aria-label')).toBe('Glow (1 of 2)');
    expect(cards[0]?.querySelector('img')?.getAttribute('src')).toBe('https://cdn.example/glow.jpg');
    expect(cards[0]?.querySelector('.card-subtitle')?.textContent).toBe('$34 · dewy');
    cards[0]?.querySelector('button')?.click();
    expect(tapped).toEqual([{ payload: 'buy:G1', title: 'Buy' }]);
    expect(cards[0]?.querySelector('a')?.getAttribute('href')).toBe('https://shop.example/g1');
    const pay = cards[1]?.querySelector('a.pay');
    expect(pay?.getAttribute('href')).toBe('https://pay.example/p1');
    expect(pay?.textContent).toBe('Pay now');
  });

  it('shows a payment link with its amount and test mode', () => {
    const node = render({ type: 'payment', text: 'Your checkout', url: 'http://parley.test/checkout/pay_1', paymentId: 'pay_1', amount: 34, currency: 'USD', testMode: true });
    const link = node.querySelector('a.pay-link');
    expect(link?.getAttribute('href')).toBe('http://parley.test/checkout/pay_1');
    expect(link?.getAttribute('data-payment-id')).toBe('pay_1');
    expect(link?.textContent).toContain('34');
    expect(node.querySelector('.pay-test')?.textContent).toContain('Test mode');
  });

  it('shows a hand-off as a notice, and a typing pause as nothing', () => {
    const handoff = render({ type: 'handoff', text: 'A person will answer here.', queue: 'beauty' });
    expect(handoff.getAttribute('role')).toBe('status');
    expect(handoff.textContent).toBe('A person will answer here.');
    expect(renderReply({ type: 'typing', ms: 800 }, actions)).toBeNull();
    expect(renderSent('Dry').dataset.from).toBe('me');
  });
});

describe('readConfig', () => {
  const script = (attributes: Record<string, string>) => {
    const tag = document.createElement('script');
    tag.src = 'https://parley.example/widget.js';
    for (const [name, value] of Object.entries(attributes)) tag.setAttribute(name, value);
    return tag;
  };

  it('reads the theme from data attributes, with the server where the script came from', () => {
    const read = readConfig(script({ 'data-bot': 'beauty-quiz', 'data-color': '#e11d48', 'data-position': 'left', 'data-title': 'Petal & Pine', 'data-greeting': 'Hello!', 'data-logo': 'https://shop.example/logo.png' }));
    expect(read).toEqual({
      ok: true,
      config: { server: 'https://parley.example', botId: 'beauty-quiz', title: 'Petal & Pine', greeting: 'Hello!', color: '#e11d48', logoUrl: 'https://shop.example/logo.png', position: 'left' },
    });
  });

  it('falls back to safe defaults for a bad colour, logo or position', () => {
    vi.stubGlobal('CSS', { supports: (_property: string, value: string) => /^#[0-9a-f]{3,8}$/i.test(value) });
    const read = readConfig(script({ 'data-bot': 'beauty-quiz', 'data-color': 'red;}body{display:none', 'data-logo': 'javascript:alert(1)', 'data-position': 'middle' }));
    vi.unstubAllGlobals();
    expect(read.ok && read.config.color).toBe('#4f46e5');
    expect(read.ok && read.config.logoUrl).toBeUndefined();
    expect(read.ok && read.config.position).toBe('right');
  });

  it('refuses a missing or malformed bot id', () => {
    expect(readConfig(script({})).ok).toBe(false);
    expect(readConfig(script({ 'data-bot': 'Not A Bot!' })).ok).toBe(false);
  });
});
