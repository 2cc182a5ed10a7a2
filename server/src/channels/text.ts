import type { Card, Reply } from '@parley/shared';

/**
 * Platforms count length in characters (UTF-16 units at most): text is cut on whole code points, so an
 * emoji is never split, and a cut ends with "…" so the customer sees that something is missing.
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out}…`;
}

/** As `cut`, for limits in UTF-8 bytes (Telegram's callback data, WeChat's texts). */
export function cutBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes - 3) break;
    out += char;
    bytes += size;
  }
  return `${out}…`;
}

/**
 * Splits a long text into parts within `max`, at a paragraph, line or word break when there is one,
 * so nothing is lost to a length limit. `size` measures a piece (characters by default).
 */
export function split(text: string, max: number, size: (piece: string) => number = (piece) => piece.length): string[] {
  const parts: string[] = [];
  let rest = text;
  while (size(rest) > max) {
    let end = 0;
    let length = 0;
    for (const char of rest) {
      if (length + size(char) > max) break;
      length += size(char);
      end += char.length;
    }
    const head = rest.slice(0, end);
    const breakAt = Math.max(head.lastIndexOf('\n\n'), head.lastIndexOf('\n'), head.lastIndexOf(' '));
    const at = breakAt > end / 2 ? breakAt : end;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest !== '' || parts.length === 0) parts.push(rest);
  return parts;
}

export const utf8Bytes = (text: string): number => Buffer.byteLength(text);

/**
 * Options as numbered lines, for apps (or counts) without buttons: the runtime's choice matching takes
 * a typed "2" as the second option (runtime/src/choice.ts), so the customer can always answer.
 */
export function numbered(text: string, titles: readonly string[]): string {
  const lines = titles.map((title, i) => `${i + 1}. ${title}`);
  return text === '' ? lines.join('\n') : `${text}\n\n${lines.join('\n')}`;
}

/** One card as text lines: its title, subtitle, and each link button as "Title: url". */
function cardLines(card: Card): string[] {
  const lines = [card.title];
  if (card.subtitle) lines.push(card.subtitle);
  for (const button of card.buttons) if (button.action !== 'postback') lines.push(`${button.title}: ${button.url}`);
  return lines;
}

/**
 * Cards as a numbered list: typing a card's number (or its title) picks it, as the products node
 * accepts; its links stay readable under it.
 */
export function cardsAsText(cards: readonly Card[], first = 1): string {
  return cards.map((card, i) => cardLines(card).map((line, j) => (j === 0 ? `${first + i}. ${line}` : `   ${line}`)).join('\n')).join('\n\n');
}

/** Any reply as plain text, for apps (or places) that show text only. Typing indicators have none. */
export function replyAsText(reply: Reply): string {
  switch (reply.type) {
    case 'text':
    case 'handoff':
      return reply.text;
    case 'image':
    case 'video':
      return reply.caption ? `${reply.caption}\n${reply.url}` : reply.url;
    case 'file': {
      const link = reply.name ? `${reply.name}: ${reply.url}` : reply.url;
      return reply.caption ? `${reply.caption}\n${link}` : link;
    }
    case 'buttons':
      return numbered(reply.text, reply.buttons.map((b) => b.title));
    case 'cards':
      return cardsAsText(reply.cards);
    case 'payment':
      return `${reply.text}\n${reply.url}`;
    case 'typing':
      return '';
  }
}

/** Replies joined as one text, blank line between them. */
export const repliesAsText = (replies: readonly Reply[]): string =>
  replies
    .map(replyAsText)
    .filter((text) => text !== '')
    .join('\n\n');

/** True when every value is distinct: some apps refuse two buttons with the same title or id. */
export const allDistinct = (values: readonly string[]): boolean => new Set(values).size === values.length;
