import type { Inbound } from '@parley/shared';
import { z } from 'zod';
import { type Result, ok } from '../../errors';
import { geoUri, jsonPayload } from '../payload';
import type { Customer, RawRequest, WebhookItem } from '../types';

// The parts of Telegram's Update (core.telegram.org/bots/api#update) a conversation uses.
const user = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});
const file = z.object({ file_id: z.string(), file_name: z.string().optional() });
const keyboardButton = z.object({ text: z.string(), callback_data: z.string().optional(), url: z.string().optional() });
const message = z.object({
  message_id: z.number().int(),
  from: user.optional(),
  chat: z.object({ id: z.number().int(), type: z.string() }),
  date: z.number().int(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(file).optional(),
  video: file.optional(),
  animation: file.optional(),
  audio: file.optional(),
  voice: file.optional(),
  document: file.optional(),
  sticker: file.optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  reply_markup: z.object({ inline_keyboard: z.array(z.array(keyboardButton)) }).optional(),
});
const update = z.object({
  update_id: z.number().int(),
  message: message.optional(),
  callback_query: z
    .object({ id: z.string(), from: user, message: message.optional(), data: z.string().optional() })
    .optional(),
});

type Message = z.output<typeof message>;

function customerOf(chatId: number, from: z.output<typeof user> | undefined): Customer {
  const customer: Customer = { id: String(chatId) };
  const name = [from?.first_name, from?.last_name].filter(Boolean).join(' ');
  if (name !== '') customer.name = name;
  if (from?.language_code) customer.language = from.language_code;
  return customer;
}

/** Files live on Telegram's servers behind the bot token: the URL names the file for getFile. */
const fileUrl = (id: string) => `telegram-file:${id}`;

function inboundOf(m: Message): Inbound | undefined {
  const caption = m.caption ? { caption: m.caption } : {};
  if (m.text !== undefined) return { kind: 'text', text: m.text };
  // Telegram sends each photo in several sizes, smallest first.
  const photo = m.photo?.at(-1);
  if (photo) return { kind: 'attachment', attachmentType: 'image', url: fileUrl(photo.file_id), ...caption };
  const video = m.video ?? m.animation;
  if (video) return { kind: 'attachment', attachmentType: 'video', url: fileUrl(video.file_id), ...caption };
  const audio = m.audio ?? m.voice;
  if (audio) return { kind: 'attachment', attachmentType: 'audio', url: fileUrl(audio.file_id), ...caption };
  if (m.document)
    return { kind: 'attachment', attachmentType: 'file', url: fileUrl(m.document.file_id), ...(m.document.file_name ? { name: m.document.file_name } : {}), ...caption };
  if (m.sticker) return { kind: 'attachment', attachmentType: 'sticker', url: fileUrl(m.sticker.file_id) };
  if (m.location) return { kind: 'attachment', attachmentType: 'location', url: geoUri(m.location.latitude, m.location.longitude) };
  return undefined;
}

/** One update per request; its update_id is the message id. Edits, channel posts and the like are not conversation. */
export function parseTelegram(request: RawRequest): Result<WebhookItem[]> {
  const parsed = jsonPayload(request, update, 'Telegram');
  if (!parsed.ok) return parsed;
  const { update_id, message: m, callback_query: query } = parsed.value;
  const messageId = String(update_id);
  if (m) {
    const customer = customerOf(m.chat.id, m.from);
    const inbound = inboundOf(m);
    if (!inbound) return ok([{ type: 'event', name: 'unsupported_message', customerId: customer.id, messageId }]);
    return ok([{ type: 'message', messageId, customer, inbound }]);
  }
  if (query && query.data !== undefined) {
    const customer = customerOf(query.message?.chat.id ?? query.from.id, query.from);
    const data = query.data;
    const tapped = query.message?.reply_markup?.inline_keyboard.flat().find((button) => button.callback_data === data);
    return ok([
      {
        type: 'message',
        messageId,
        customer,
        inbound: tapped ? { kind: 'postback', payload: data, title: tapped.text } : { kind: 'postback', payload: data },
        // Telegram shows a spinner on the button until the query is answered.
        context: { callbackQueryId: query.id },
      },
    ]);
  }
  return ok([]);
}
