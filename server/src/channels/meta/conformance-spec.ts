import { z } from 'zod';
import { hmacSha256 } from '../signing';
import type { Choice, ConformanceSpec, Output, Payload, Seen, Signing } from '../testing/conformance';
import type { RecordedCall } from '../testing/stand-in';
import { type MetaObject, metaBatch, metaDelivery, metaPostback, metaQuickReply, metaText } from './fixtures';
import type { MessagingLimits } from './render';

export const META_APP_SECRET = 'e2d4c6a8b0f1e3d5c7a9b1d3f5e7a9c1';
export const META_VERIFY_TOKEN = 'petal-verify-2025';
export const META_ACCESS_TOKEN = 'EAAGm0PX4ZCpsBAPageAccessTokenForTests0123456789';

/** The Send API's documented message shapes and limits, as the stand-in enforces them. */
function sendApi(limits: MessagingLimits) {
  const payload = z.string().min(1).max(limits.payload);
  const title = z.string().min(1).max(limits.buttonTitle);
  const button = z.discriminatedUnion('type', [
    z.object({ type: z.literal('postback'), title, payload }).strict(),
    z.object({ type: z.literal('web_url'), title, url: z.url() }).strict(),
  ]);
  const element = z
    .object({ title: z.string().min(1).max(limits.elementTitle), subtitle: z.string().max(limits.elementSubtitle).optional(), image_url: z.url().optional(), buttons: z.array(button).min(1).max(limits.templateButtons).optional() })
    .strict();
  const templatePayload = z.discriminatedUnion('template_type', [
    z.object({ template_type: z.literal('button'), text: z.string().min(1).max(limits.templateText), buttons: z.array(button).min(1).max(limits.templateButtons) }).strict(),
    z.object({ template_type: z.literal('generic'), elements: z.array(element).min(1).max(limits.elements) }).strict(),
  ]);
  const attachment = z.discriminatedUnion('type', [
    z.object({ type: z.literal('template'), payload: templatePayload }).strict(),
    z.object({ type: z.enum(['image', 'video', 'audio', 'file']), payload: z.object({ url: z.url(), is_reusable: z.boolean() }).strict() }).strict(),
  ]);
  const quickReply = z.object({ content_type: z.literal('text'), title: z.string().min(1).max(limits.quickReplyTitle), payload }).strict();
  const message = z.union([
    z.object({ text: z.string().min(1).max(limits.text), quick_replies: z.array(quickReply).min(1).max(limits.quickReplies).optional() }).strict(),
    z.object({ attachment }).strict(),
  ]);
  const recipient = z.object({ id: z.string().min(1) }).strict();
  return z.union([
    z.object({ recipient, messaging_type: z.literal('RESPONSE'), message }).strict(),
    z.object({ recipient, sender_action: z.literal('typing_on') }).strict(),
  ]);
}

const seenSchema = z.object({
  recipient: z.object({ id: z.string() }),
  message: z
    .object({
      text: z.string().optional(),
      quick_replies: z.array(z.object({ title: z.string(), payload: z.string() })).optional(),
      attachment: z
        .object({
          type: z.string(),
          payload: z.object({
            template_type: z.string().optional(),
            text: z.string().optional(),
            buttons: z.array(z.object({ type: z.string(), title: z.string(), payload: z.string().optional(), url: z.string().optional() })).optional(),
            elements: z
              .array(z.object({ title: z.string(), subtitle: z.string().optional(), buttons: z.array(z.object({ type: z.string(), title: z.string(), payload: z.string().optional(), url: z.string().optional() })).optional() }))
              .optional(),
          }),
        })
        .optional(),
    })
    .optional(),
});

/** The conformance spec shared by Messenger and Instagram: the same webhook, Send API and signature. */
export function metaConformanceSpec(channel: string, object: MetaObject, limits: MessagingLimits, connection: Record<string, unknown>): ConformanceSpec {
  const api = sendApi(limits);
  const batch = (...events: object[]): Payload => ({ body: JSON.stringify(metaBatch(object, ...events)) });
  const choice = (label: string, tap: Choice['tap'], card?: string): Choice => ({ label, tap, ...(card === undefined ? {} : { card }) });

  function view(outputs: readonly Output[]): Seen {
    const seen: Seen = { texts: [], choices: [], links: [] };
    for (const output of outputs) {
      if (output.kind !== 'call') continue;
      const message = seenSchema.parse(output.call.json).message;
      if (!message) continue;
      if (message.text) seen.texts.push(message.text);
      for (const quick of message.quick_replies ?? []) seen.choices.push(choice(quick.title, (customer, seq) => batch(metaQuickReply(object, customer, `m_${seq}`, quick.title, quick.payload))));
      const payload = message.attachment?.payload;
      if (payload?.text) seen.texts.push(payload.text);
      const cards = payload?.elements?.map((e) => ({ card: e.title, texts: [e.title, e.subtitle ?? ''], buttons: e.buttons ?? [] })) ?? [];
      for (const { card, texts, buttons } of [{ card: undefined, texts: [], buttons: payload?.buttons ?? [] }, ...cards]) {
        seen.texts.push(...texts);
        for (const button of buttons) {
          if (button.url) seen.links.push(button.url);
          const postback = button.payload;
          if (postback !== undefined) seen.choices.push(choice(button.title, (customer, seq) => batch(metaPostback(object, customer, `m_${seq}`, button.title, postback)), card));
        }
      }
    }
    return seen;
  }

  function sign(payload: Payload, signing: Signing): Payload {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const secret = signing === 'wrong' ? 'another-apps-secret-0000000000000' : META_APP_SECRET;
    if (signing !== 'none') headers['x-hub-signature-256'] = `sha256=${hmacSha256(secret, Buffer.from(payload.body)).toString('hex')}`;
    return { ...payload, headers };
  }

  let sent = 0;
  function platform(call: RecordedCall) {
    if (call.path !== '/me/messages') return { status: 404, json: { error: { message: `Unknown path ${call.path}`, code: 803 } } };
    if (call.headers.authorization !== `Bearer ${META_ACCESS_TOKEN}`) return { status: 401, json: { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } } };
    const checked = api.safeParse(call.json);
    if (!checked.success) return { status: 400, json: { error: { message: `(#100) ${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}`, type: 'OAuthException', code: 100 } } };
    const recipient = checked.data.recipient.id;
    return { json: 'message' in checked.data ? { recipient_id: recipient, message_id: `m_out_${++sent}` } : { recipient_id: recipient } };
  }

  /** The user profile APIs (Messenger's first and last name, Instagram's name and username). */
  function profile(call: RecordedCall) {
    if (call.method !== 'GET' || !call.query.has('fields')) return undefined;
    if (call.headers.authorization !== `Bearer ${META_ACCESS_TOKEN}`) return { status: 401, json: { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } } };
    const id = decodeURIComponent(call.path.slice(1));
    return { json: call.query.get('fields') === 'name,username' ? { name: 'Ana Silva', username: 'anasilva', id } : { first_name: 'Ana', last_name: 'Silva', locale: 'pt_BR', id } };
  }

  return {
    channel,
    connection,
    profile,
    profileName: 'Ana Silva',
    apiEnv: ['PARLEY_META_API_URL'],
    bodySigned: true,
    sign,
    platform,
    text: (customer, text, seq) => batch(metaText(object, customer, `m_${seq}`, text)),
    status: (customer) => ({ payload: batch(metaDelivery(object, customer, ['m_out_1'])), event: 'delivered' }),
    handshake: {
      valid: { 'hub.mode': 'subscribe', 'hub.verify_token': META_VERIFY_TOKEN, 'hub.challenge': '1158201444' },
      wrong: { 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1158201444' },
      answer: '1158201444',
    },
    view,
  };
}
