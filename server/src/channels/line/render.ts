import type { Card, CardButton, JsonValue, Reply, ReplyButton } from '@parley/shared';
import type { Pause } from '../http';
import { payLabel } from '../payload';
import { cut, numbered, replyAsText, split } from '../text';

/**
 * Messaging API limits (developers.line.biz/en/reference/messaging-api/#message-objects): text 5000;
 * quick reply ≤13 items, labels 20; postback data 300; carousel ≤10 columns, title 40, text 120 (60
 * with a title or image), 1–3 actions and the same count in every column, https images; buttons
 * template text 160 (60 with a title); alt text 400; ≤5 messages per request.
 */
export const LINE_LIMITS = {
  text: 5000,
  quickReplies: 13,
  label: 20,
  data: 300,
  displayText: 300,
  altText: 400,
  columns: 10,
  columnTitle: 40,
  columnText: 120,
  columnTextWithTitle: 60,
  columnActions: 3,
  buttonsText: 160,
  uri: 1000,
  messagesPerRequest: 5,
} as const;

type Json = { [key: string]: JsonValue };
export type LineMessage = Json & { type: string };
/**
 * A message (with, for a question, how it reads as numbered text should its quick replies not be
 * shown), or the loading animation LINE shows while the bot "types".
 */
export type LineStep = { message: LineMessage; unlessLast?: string } | { loading: number };

const isHttps = (url: string) => url.startsWith('https://') && url.length <= 2000;
const text = (value: string): LineStep[] => split(value, LINE_LIMITS.text).map((part) => ({ message: { type: 'text', text: part } }));

/** A tap: a postback when its data fits, else the title sent as the customer's text (matched by title). */
function tapAction(label: string, payload: string, said: string): Json {
  return payload !== '' && payload.length <= LINE_LIMITS.data
    ? { type: 'postback', label: cut(label, LINE_LIMITS.label), data: payload, displayText: cut(said, LINE_LIMITS.displayText) }
    : { type: 'message', label: cut(label, LINE_LIMITS.label), text: cut(said, LINE_LIMITS.displayText) };
}

function quickReplies(question: string, options: readonly ReplyButton[]): LineStep[] {
  const titles = options.map((b) => b.title);
  if (options.length > LINE_LIMITS.quickReplies) return text(numbered(question, titles));
  const parts = split(question === '' ? numbered('', titles) : question, LINE_LIMITS.text);
  const last = parts.pop() ?? question;
  const items = options.map((b) => ({ type: 'action', action: tapAction(b.title, b.payload, b.title) }));
  return [...parts.flatMap(text), { message: { type: 'text', text: last, quickReply: { items } }, unlessLast: cut(numbered(last, titles), LINE_LIMITS.text) }];
}

function cardAction(button: CardButton): Json | undefined {
  if (button.action === 'postback') return tapAction(button.title, button.payload, button.title);
  return button.url.length <= LINE_LIMITS.uri ? { type: 'uri', label: cut(button.title, LINE_LIMITS.label), uri: button.url } : undefined;
}

/**
 * Cards as template carousels of up to 10 columns. LINE wants every column alike: images on all or
 * none (https only), titles on all or none, and the same number of actions, so a column with fewer
 * gets "pick this card" actions (its title as the customer's text, which selects it).
 */
function carousels(cards: readonly Card[]): LineStep[] {
  const steps: LineStep[] = [];
  for (let start = 0; start < cards.length; start += LINE_LIMITS.columns) {
    const chunk = cards.slice(start, start + LINE_LIMITS.columns);
    const images = chunk.every((c) => c.imageUrl !== undefined && isHttps(c.imageUrl));
    const titled = chunk.every((c) => c.subtitle !== undefined && c.subtitle !== '');
    const actions = chunk.map((c) => c.buttons.flatMap((b) => cardAction(b) ?? []).slice(0, LINE_LIMITS.columnActions));
    const count = Math.max(1, ...actions.map((a) => a.length));
    const columns = chunk.map((c, i): Json => {
      const own = actions[i] ?? [];
      const pick: Json = { type: 'message', label: cut(c.title, LINE_LIMITS.label), text: cut(c.title, LINE_LIMITS.displayText) };
      const body = titled ? (c.subtitle ?? '') : [c.title, c.subtitle].filter(Boolean).join('\n');
      return {
        ...(images && c.imageUrl ? { thumbnailImageUrl: c.imageUrl } : {}),
        ...(titled ? { title: cut(c.title, LINE_LIMITS.columnTitle) } : {}),
        text: cut(body, images || titled ? LINE_LIMITS.columnTextWithTitle : LINE_LIMITS.columnText),
        actions: [...own, ...Array.from({ length: count - own.length }, () => pick)],
      };
    });
    steps.push({ message: { type: 'template', altText: cut(chunk.map((c) => c.title).join(', '), LINE_LIMITS.altText), template: { type: 'carousel', columns } } });
  }
  return steps;
}

function render(reply: Reply, chat: string): (LineStep | Pause)[] {
  switch (reply.type) {
    case 'text':
    case 'handoff':
      return text(reply.text);
    case 'image':
      // LINE fetches images itself, over https only; anything else is sent as its link.
      return isHttps(reply.url)
        ? [{ message: { type: 'image', originalContentUrl: reply.url, previewImageUrl: reply.url } }, ...(reply.caption ? text(reply.caption) : [])]
        : text(replyAsText(reply));
    case 'video':
    case 'file':
      // A bot cannot send files, and videos need a preview image Parley does not have: links instead.
      return text(replyAsText(reply));
    case 'buttons':
      return quickReplies(reply.text, reply.buttons);
    case 'cards':
      return carousels(reply.cards);
    case 'payment': {
      const label = payLabel(reply.amount, reply.currency);
      const fits = reply.text !== '' && reply.text.length <= LINE_LIMITS.buttonsText;
      const template = { type: 'template', altText: cut(`${reply.text} ${reply.url}`, LINE_LIMITS.altText), template: { type: 'buttons', text: fits ? reply.text : label, actions: [{ type: 'uri', label: cut(label, LINE_LIMITS.label), uri: reply.url }] } };
      return [...(fits ? [] : text(reply.text)), { message: template }];
    }
    case 'typing':
      // The loading animation is for one-to-one chats, in steps of 5 seconds.
      return chat.startsWith('U') ? [{ loading: Math.min(60, Math.max(5, Math.ceil(reply.ms / 5000) * 5)) }, { pause: reply.ms }] : [{ pause: reply.ms }];
  }
}

/**
 * LINE shows the quick replies of the last message only: options that would land on an earlier
 * message are written out as numbers the customer can type instead.
 */
function keepQuickRepliesLast(steps: (LineStep | Pause)[]): (LineStep | Pause)[] {
  const lastMessage = steps.findLastIndex((step) => 'message' in step);
  return steps.map((step, i) => (i !== lastMessage && 'message' in step && step.unlessLast !== undefined ? { message: { type: 'text', text: step.unlessLast } } : step));
}

export function renderLine(replies: readonly Reply[], chat: string): (LineStep | Pause)[] {
  return keepQuickRepliesLast(replies.flatMap((reply) => render(reply, chat)));
}
