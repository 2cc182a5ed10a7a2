import type { Card, CardButton, Reply, ReplyButton } from '@parley/shared';
import { el, link, safeUrl } from './dom';

export interface ReplyActions {
  /** A tapped button: its payload for the flow, its title for the transcript. */
  postback(payload: string, title: string): void;
}

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

function bot(className = ''): HTMLElement {
  const row = el('div', `msg bot ${className}`.trim());
  row.setAttribute('data-from', 'bot');
  return row;
}

function bubble(text: string): HTMLElement {
  return el('div', 'bubble', text);
}

function media(reply: Extract<Reply, { type: 'image' | 'video' }>): HTMLElement {
  const row = bot(reply.type);
  const src = safeUrl(reply.url);
  if (src && reply.type === 'image') {
    const img = el('img', 'media');
    img.src = src;
    img.alt = reply.caption ?? 'Picture';
    img.loading = 'lazy';
    row.append(img);
  } else if (src) {
    const video = el('video', 'media');
    video.src = src;
    video.controls = true;
    video.preload = 'metadata';
    video.setAttribute('aria-label', reply.caption ?? 'Video');
    row.append(video);
  }
  if (reply.caption) row.append(el('div', 'caption', reply.caption));
  return row;
}

function choices(buttons: ReplyButton[], actions: ReplyActions): HTMLElement {
  const group = el('div', 'choices');
  group.setAttribute('role', 'group');
  for (const button of buttons) {
    const b = el('button', 'choice', button.title);
    b.type = 'button';
    b.addEventListener('click', () => {
      // Quick replies answer once: the group is spent when one is tapped.
      for (const other of group.querySelectorAll('button')) other.disabled = true;
      b.classList.add('picked');
      actions.postback(button.payload, button.title);
    });
    group.append(b);
  }
  return group;
}

function cardButton(button: CardButton, actions: ReplyActions): HTMLElement {
  if (button.action === 'postback') {
    const b = el('button', 'card-button', button.title);
    b.type = 'button';
    b.addEventListener('click', () => actions.postback(button.payload, button.title));
    return b;
  }
  return link(button.url, button.action === 'pay' ? 'card-button pay' : 'card-button', button.title);
}

function card(item: Card, index: number, count: number, actions: ReplyActions): HTMLElement {
  const box = el('div', 'card');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-roledescription', 'card');
  box.setAttribute('aria-label', `${item.title} (${index + 1} of ${count})`);
  const src = safeUrl(item.imageUrl);
  if (src) {
    const img = el('img', 'card-image');
    img.src = src;
    img.alt = item.title;
    img.loading = 'lazy';
    box.append(img);
  }
  box.append(el('div', 'card-title', item.title));
  if (item.subtitle) box.append(el('div', 'card-subtitle', item.subtitle));
  const buttons = el('div', 'card-buttons');
  for (const button of item.buttons) buttons.append(cardButton(button, actions));
  box.append(buttons);
  return box;
}

/** One reply as the widget shows it; `typing` is a pause the player waits out, not a message. */
export function renderReply(reply: Reply, actions: ReplyActions): HTMLElement | null {
  switch (reply.type) {
    case 'text': {
      const row = bot();
      row.append(bubble(reply.text));
      return row;
    }
    case 'image':
    case 'video':
      return media(reply);
    case 'file': {
      const row = bot('file');
      row.append(link(reply.url, 'file-link', `📄 ${reply.name ?? 'Download the file'}`));
      if (reply.caption) row.append(el('div', 'caption', reply.caption));
      return row;
    }
    case 'buttons': {
      const row = bot();
      row.append(bubble(reply.text), choices(reply.buttons, actions));
      return row;
    }
    case 'cards': {
      const row = bot('cards');
      const track = el('div', 'carousel');
      track.setAttribute('role', 'list');
      track.setAttribute('aria-label', 'Suggestions');
      track.tabIndex = 0;
      reply.cards.forEach((item, index) => {
        const entry = card(item, index, reply.cards.length, actions);
        entry.setAttribute('role', 'listitem');
        track.append(entry);
      });
      row.append(track);
      return row;
    }
    case 'payment': {
      const row = bot('payment');
      const box = el('div', 'pay-box');
      box.append(el('div', 'pay-text', reply.text), el('div', 'pay-amount', money(reply.amount, reply.currency)));
      if (reply.testMode) box.append(el('div', 'pay-test', 'Test mode: no real money moves'));
      const pay = link(reply.url, 'pay-link', `Pay ${money(reply.amount, reply.currency)}`);
      pay.setAttribute('data-payment-id', reply.paymentId);
      box.append(pay);
      row.append(box);
      return row;
    }
    case 'handoff': {
      const row = bot('notice');
      row.setAttribute('role', 'status');
      row.append(el('div', 'notice-text', reply.text));
      return row;
    }
    case 'typing':
      return null;
  }
}

/** What the customer sent, on their side of the transcript. */
export function renderSent(text: string): HTMLElement {
  const row = el('div', 'msg me');
  row.setAttribute('data-from', 'me');
  row.append(bubble(text));
  return row;
}
