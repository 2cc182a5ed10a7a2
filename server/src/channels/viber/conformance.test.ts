import { z } from 'zod';
import { hmacSha256 } from '../signing';
import { type Choice, type Output, type Payload, type Seen, type Signing, describeConformance } from '../testing/conformance';
import type { RecordedCall } from '../testing/stand-in';
import { viberDelivered, viberText } from './fixtures';
import { VIBER_LIMITS as L } from './render';

const AUTH_TOKEN = '445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9';

// The REST Bot API's documented send_message fields and limits, as the stand-in enforces them.
const button = z
  .object({
    Columns: z.number().int().min(1).max(6),
    Rows: z.number().int().min(1).max(7),
    ActionType: z.enum(['reply', 'open-url', 'none']),
    ActionBody: z.string().min(1).optional(),
    Text: z.string().max(L.buttonText).optional(),
    Image: z.url().optional(),
    TextVAlign: z.string().optional(),
    TextHAlign: z.string().optional(),
  })
  .strict()
  .refine((b) => b.ActionType === 'none' || b.ActionBody !== undefined, 'reply and open-url buttons need an ActionBody');
const keyboard = z.object({ Type: z.literal('keyboard'), DefaultHeight: z.boolean(), Buttons: z.array(button.refine((b) => b.Rows <= 2, 'keyboard buttons are 1-2 rows')).min(1).max(L.keyboardButtons) }).strict();
const richMedia = z
  .object({ Type: z.literal('rich_media'), ButtonsGroupColumns: z.literal(6), ButtonsGroupRows: z.literal(7), BgColor: z.string(), Buttons: z.array(button).min(1) })
  .strict()
  .refine((m) => {
    const rows = m.Buttons.reduce((sum, b) => sum + b.Rows, 0);
    return rows % 7 === 0 && rows / 7 <= L.groups;
  }, 'rich media is whole groups of 6 x 7, at most 6');
const common = {
  receiver: z.string().min(1),
  min_api_version: z.number().int().min(1),
  sender: z.object({ name: z.string().min(1).max(28), avatar: z.url().optional() }).strict(),
  tracking_data: z.string().max(4096).optional(),
};
const message = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal('text'), text: z.string().min(1).max(L.text), keyboard: keyboard.optional() }).strict(),
  z.object({ ...common, type: z.literal('picture'), text: z.string().max(L.pictureText), media: z.url() }).strict(),
  z.object({ ...common, type: z.literal('rich_media'), rich_media: richMedia, alt_text: z.string().optional() }).strict().refine((m) => m.min_api_version >= 2, 'rich media needs min_api_version 2'),
]);

let tokens = 5_000_000_000_000_000_000n;
function platform(call: RecordedCall) {
  if (call.path !== '/pa/send_message') return { status: 404, text: 'not found' };
  if (call.headers['x-viber-auth-token'] !== AUTH_TOKEN) return { json: { status: 2, status_message: 'invalidAuthToken' } };
  const checked = message.safeParse(call.json);
  if (!checked.success) return { status: 400, json: { status: 3, status_message: `badData: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}` } };
  return { json: { status: 0, status_message: 'ok', message_token: Number(++tokens), chat_hostname: 'SN-CHAT-05_' } };
}

const userOf = (customer: string) => `${Buffer.from(customer).toString('base64').replace(/=+$/, '')}A=`;
const token = (seq: number) => `49126618466552${String(seq).padStart(5, '0')}`;
const stripTags = (text: string) => text.replace(/<br>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function view(outputs: readonly Output[]): Seen {
  const seen: Seen = { texts: [], choices: [], links: [] };
  for (const output of outputs) {
    if (output.kind !== 'call') continue;
    const parsed = message.safeParse(output.call.json);
    if (!parsed.success) continue;
    const m = parsed.data;
    const tracking = m.tracking_data;
    const reply = (label: string, body: string, card?: string): Choice => ({
      label,
      ...(card === undefined ? {} : { card }),
      tap: (customer, seq) => ({ body: viberText(userOf(customer), token(seq), body, tracking) }),
    });
    if (m.type === 'text') {
      seen.texts.push(m.text);
      for (const b of m.keyboard?.Buttons ?? []) {
        if (b.ActionType === 'open-url' && b.ActionBody) seen.links.push(b.ActionBody);
        if (b.ActionType === 'reply' && b.ActionBody) seen.choices.push(reply(b.Text ?? b.ActionBody, b.ActionBody));
      }
    }
    if (m.type === 'picture') seen.texts.push(m.text);
    if (m.type !== 'rich_media') continue;
    let card: string | undefined;
    for (const b of m.rich_media.Buttons) {
      if (b.ActionType === 'none' && b.Text) {
        const text = stripTags(b.Text);
        seen.texts.push(text);
        card = text.split('\n')[0];
      }
      if (b.ActionType === 'open-url' && b.ActionBody) seen.links.push(b.ActionBody);
      if (b.ActionType === 'reply' && b.ActionBody) seen.choices.push(reply(b.Text ?? b.ActionBody, b.ActionBody, card));
    }
  }
  return seen;
}

function sign(payload: Payload, signing: Signing): Payload {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signing !== 'none') headers['x-viber-content-signature'] = hmacSha256(signing === 'wrong' ? 'another-bots-token-000000000' : AUTH_TOKEN, Buffer.from(payload.body)).toString('hex');
  return { ...payload, headers };
}

describeConformance({
  channel: 'viber',
  connection: { authToken: AUTH_TOKEN, senderName: 'Petal & Pine', senderAvatar: 'https://petalandpine.example/logo.png' },
  apiEnv: ['PARLEY_VIBER_API_URL'],
  bodySigned: true,
  sign,
  platform,
  text: (customer, text, seq) => ({ body: viberText(userOf(customer), token(seq), text) }),
  status: (customer, seq) => ({ payload: { body: viberDelivered(userOf(customer), token(seq)) }, event: 'delivered' }),
  view,
});
