import { z } from 'zod';
import { hmacSha256 } from '../signing';
import { type Choice, type Output, type Payload, type Seen, describeConformance } from '../testing/conformance';
import type { RecordedCall } from '../testing/stand-in';
import { telegramCallback, telegramText } from './fixtures';
import { TELEGRAM_LIMITS } from './render';

const BOT_TOKEN = '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const SECRET = 'ptl-webhook-secret-8f2d1c';

// The Bot API's documented parameters and limits for the methods Parley calls.
const key = z.union([
  z.object({ text: z.string().min(1), callback_data: z.string().min(1).refine((data) => Buffer.byteLength(data) <= TELEGRAM_LIMITS.callbackDataBytes, 'callback_data is 1-64 bytes') }).strict(),
  z.object({ text: z.string().min(1), url: z.url() }).strict(),
]);
const markup = z.object({ inline_keyboard: z.array(z.array(key).min(1)).max(TELEGRAM_LIMITS.keyboardButtons) }).strict();
const chat = z.union([z.number().int(), z.string().min(1)]);
const methods: Record<string, z.ZodType> = {
  sendMessage: z.object({ chat_id: chat, text: z.string().min(1).max(TELEGRAM_LIMITS.text), reply_markup: markup.optional() }).strict(),
  sendPhoto: z.object({ chat_id: chat, photo: z.string().min(1), caption: z.string().max(TELEGRAM_LIMITS.caption).optional(), reply_markup: markup.optional() }).strict(),
  sendVideo: z.object({ chat_id: chat, video: z.string().min(1), caption: z.string().max(TELEGRAM_LIMITS.caption).optional() }).strict(),
  sendDocument: z.object({ chat_id: chat, document: z.string().min(1), caption: z.string().max(TELEGRAM_LIMITS.caption).optional() }).strict(),
  sendChatAction: z.object({ chat_id: chat, action: z.literal('typing') }).strict(),
  answerCallbackQuery: z.object({ callback_query_id: z.string().min(1) }).strict(),
};

let messageIds = 500;
function platform(call: RecordedCall) {
  const match = /^\/bot([^/]+)\/(\w+)$/.exec(call.path);
  if (!match || match[1] !== BOT_TOKEN) return { status: 401, json: { ok: false, error_code: 401, description: 'Unauthorized' } };
  const schema = methods[match[2] ?? ''];
  if (!schema) return { status: 404, json: { ok: false, error_code: 404, description: 'Not Found: method not found' } };
  const checked = schema.safeParse(call.json);
  if (!checked.success) return { status: 400, json: { ok: false, error_code: 400, description: `Bad Request: ${checked.error.issues[0]?.message}` } };
  return { json: { ok: true, result: match[2] === 'answerCallbackQuery' || match[2] === 'sendChatAction' ? true : { message_id: ++messageIds } } };
}

const chatIdOf = (customer: string) => 100_000 + [...customer].reduce((sum, char) => sum + char.charCodeAt(0), 0);

function sign(payload: Payload, signing: 'valid' | 'none' | 'wrong'): Payload {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signing === 'valid') headers['x-telegram-bot-api-secret-token'] = SECRET;
  if (signing === 'wrong') headers['x-telegram-bot-api-secret-token'] = hmacSha256('other', Buffer.from(SECRET)).toString('hex');
  return { ...payload, headers };
}

const keyboardOf = z.object({ reply_markup: markup.optional(), text: z.string().optional(), caption: z.string().optional() });

function view(outputs: readonly Output[]): Seen {
  const seen: Seen = { texts: [], choices: [], links: [] };
  for (const output of outputs) {
    if (output.kind !== 'call' || !/send(Message|Photo)$/.test(output.call.path)) continue;
    const body = keyboardOf.parse(output.call.json);
    const text = body.text ?? body.caption ?? '';
    seen.texts.push(text);
    const keyboard = body.reply_markup?.inline_keyboard ?? [];
    for (const button of keyboard.flat()) {
      if ('url' in button) seen.links.push(button.url);
      else {
        const data = button.callback_data;
        const choice: Choice = {
          label: button.text,
          card: text.split('\n')[0],
          tap: (customer, seq) => ({ body: JSON.stringify(telegramCallback(seq, chatIdOf(customer), data, keyboard)) }),
        };
        seen.choices.push(choice);
      }
    }
  }
  return seen;
}

describeConformance({
  channel: 'telegram',
  connection: { botToken: BOT_TOKEN, secretToken: SECRET },
  apiEnv: ['PARLEY_TELEGRAM_API_URL'],
  bodySigned: false,
  sign,
  platform,
  text: (customer, text, seq) => ({ body: JSON.stringify(telegramText(seq, chatIdOf(customer), text)) }),
  view,
});
