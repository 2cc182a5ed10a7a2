import type { Card, JsonValue, Reply } from '@parley/shared';
import type { Pause } from '../http';
import { payLabel } from '../payload';
import { numbered, split, utf8Bytes } from '../text';
import type { Recipient } from '../types';

/** Telegram Bot API limits (core.telegram.org/bots/api#sendmessage, #inlinekeyboardbutton). */
export const TELEGRAM_LIMITS = { text: 4096, caption: 1024, callbackDataBytes: 64, keyboardButtons: 100 } as const;

type Body = { [key: string]: JsonValue };
export interface TelegramCall {
  method: 'sendMessage' | 'sendPhoto' | 'sendVideo' | 'sendDocument' | 'sendChatAction' | 'answerCallbackQuery';
  body: Body;
}
type Button = { text: string; callback_data: string } | { text: string; url: string };

const fitsCallback = (payload: string) => payload !== '' && utf8Bytes(payload) <= TELEGRAM_LIMITS.callbackDataBytes;

/** Numeric chat ids go as numbers; anything else (a channel's @name) as it is. */
const chatId = (id: string): JsonValue => (/^-?\d{1,15}$/.test(id) ? Number(id) : id);

function keyboard(rows: Button[][]): Body {
  return { inline_keyboard: rows.map((row) => row.map((button): Body => ({ ...button }))) };
}

/** A text that may be long: every part but the last goes alone, the last carries the keyboard. */
function messages(chat: JsonValue, text: string, markup?: Body): TelegramCall[] {
  const parts = split(text === '' ? '…' : text, TELEGRAM_LIMITS.text);
  return parts.map((part, i) => ({ method: 'sendMessage', body: { chat_id: chat, text: part, ...(markup && i === parts.length - 1 ? { reply_markup: markup } : {}) } }));
}

/** A photo, video or document with its caption; a caption too long for one goes as text after it. */
function media(chat: JsonValue, method: 'sendPhoto' | 'sendVideo' | 'sendDocument', field: string, url: string, caption: string | undefined, markup?: Body): TelegramCall[] {
  const fits = caption !== undefined && caption.length <= TELEGRAM_LIMITS.caption;
  const call: TelegramCall = { method, body: { chat_id: chat, [field]: url, ...(fits ? { caption } : {}), ...(markup ? { reply_markup: markup } : {}) } };
  return caption === undefined || fits ? [call] : [call, ...messages(chat, caption)];
}

/** One message per card, a photo when it has one: its caption, then one button per row. */
function card(chat: JsonValue, item: Card, number: number): TelegramCall[] {
  const rows: Button[][] = [];
  let dropped = false;
  for (const button of item.buttons) {
    if (button.action !== 'postback') rows.push([{ text: button.title, url: button.url }]);
    else if (fitsCallback(button.payload)) rows.push([{ text: button.title, callback_data: button.payload }]);
    else dropped = true;
  }
  // A button whose payload Telegram cannot carry is left out: the card's number still picks it.
  const title = dropped ? `${number}. ${item.title}` : item.title;
  const caption = item.subtitle ? `${title}\n${item.subtitle}` : title;
  const markup = rows.length > 0 ? keyboard(rows) : undefined;
  return item.imageUrl ? media(chat, 'sendPhoto', 'photo', item.imageUrl, caption, markup) : messages(chat, caption, markup);
}

function render(chat: JsonValue, reply: Reply): (TelegramCall | Pause)[] {
  switch (reply.type) {
    case 'text':
    case 'handoff':
      return messages(chat, reply.text);
    case 'image':
      return media(chat, 'sendPhoto', 'photo', reply.url, reply.caption);
    case 'video':
      return media(chat, 'sendVideo', 'video', reply.url, reply.caption);
    case 'file':
      return media(chat, 'sendDocument', 'document', reply.url, reply.caption);
    case 'buttons': {
      const fits = reply.buttons.length <= TELEGRAM_LIMITS.keyboardButtons && reply.buttons.every((b) => fitsCallback(b.payload));
      if (!fits) return messages(chat, numbered(reply.text, reply.buttons.map((b) => b.title)));
      const text = reply.text === '' ? numbered('', reply.buttons.map((b) => b.title)) : reply.text;
      return messages(chat, text, keyboard(reply.buttons.map((b) => [{ text: b.title, callback_data: b.payload }])));
    }
    case 'cards':
      return reply.cards.flatMap((item, i) => card(chat, item, i + 1));
    case 'payment':
      return messages(chat, reply.text, keyboard([[{ text: payLabel(reply.amount, reply.currency), url: reply.url }]]));
    case 'typing':
      return [{ method: 'sendChatAction', body: { chat_id: chat, action: 'typing' } }, { pause: reply.ms }];
  }
}

/** Parley's replies as Bot API calls, in order; a tapped button's query is answered first. */
export function renderTelegram(replies: readonly Reply[], to: Recipient): (TelegramCall | Pause)[] {
  const chat = chatId(to.customerId);
  const calls: (TelegramCall | Pause)[] = [];
  const queryId = to.context?.callbackQueryId;
  if (queryId) calls.push({ method: 'answerCallbackQuery', body: { callback_query_id: queryId } });
  for (const reply of replies) calls.push(...render(chat, reply));
  return calls;
}
