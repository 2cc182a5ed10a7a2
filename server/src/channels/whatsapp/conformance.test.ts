import { z } from 'zod';
import { META_ACCESS_TOKEN, META_APP_SECRET, META_VERIFY_TOKEN } from '../meta/conformance-spec';
import { hmacSha256 } from '../signing';
import { type Choice, type Output, type Payload, type Seen, type Signing, describeConformance } from '../testing/conformance';
import type { RecordedCall } from '../testing/stand-in';
import { WA_PHONE_NUMBER_ID, waBatch, waButtonReply, waListReply, waStatus, waText } from './fixtures';
import { WHATSAPP_LIMITS as L } from './render';

// The Cloud API's documented message objects and limits, as the stand-in enforces them.
const distinct = (values: string[]) => new Set(values).size === values.length;
const header = z.union([z.object({ type: z.literal('image'), image: z.object({ link: z.url() }).strict() }).strict(), z.object({ type: z.literal('text'), text: z.string().min(1).max(60) }).strict()]);
const body = z.object({ text: z.string().min(1).max(L.body) }).strict();
const reply = z.object({ type: z.literal('reply'), reply: z.object({ id: z.string().min(1).max(L.buttonId), title: z.string().min(1).max(L.buttonTitle) }).strict() }).strict();
const row = z.object({ id: z.string().min(1).max(L.rowId), title: z.string().min(1).max(L.rowTitle), description: z.string().max(L.rowDescription).optional() }).strict();
const interactive = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('button'), header: header.optional(), body, action: z.object({ buttons: z.array(reply).min(1).max(L.buttons) }).strict() })
    .strict()
    .refine((i) => distinct(i.action.buttons.map((b) => b.reply.title)) && distinct(i.action.buttons.map((b) => b.reply.id)), 'button titles and ids must be unique'),
  z
    .object({
      type: z.literal('list'),
      body,
      action: z.object({ button: z.string().min(1).max(L.listButton), sections: z.array(z.object({ title: z.string().max(24).optional(), rows: z.array(row).min(1) }).strict()).min(1).max(10) }).strict(),
    })
    .strict()
    .refine((i) => i.action.sections.flatMap((s) => s.rows).length <= L.rows, 'a list holds at most 10 rows'),
  z
    .object({ type: z.literal('cta_url'), header: header.optional(), body, action: z.object({ name: z.literal('cta_url'), parameters: z.object({ display_text: z.string().min(1).max(L.buttonTitle), url: z.url() }).strict() }).strict() })
    .strict(),
]);
const mediaObject = z.object({ link: z.url(), caption: z.string().max(L.caption).optional(), filename: z.string().optional() }).strict();
const common = { messaging_product: z.literal('whatsapp'), recipient_type: z.literal('individual'), to: z.string().regex(/^\d+$/) };
const message = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal('text'), text: z.object({ body: z.string().min(1).max(L.text), preview_url: z.boolean() }).strict() }).strict(),
  z.object({ ...common, type: z.literal('interactive'), interactive }).strict(),
  z.object({ ...common, type: z.literal('image'), image: mediaObject }).strict(),
  z.object({ ...common, type: z.literal('video'), video: mediaObject }).strict(),
  z.object({ ...common, type: z.literal('document'), document: mediaObject }).strict(),
]);

let sent = 0;
function platform(call: RecordedCall) {
  if (call.path !== `/${WA_PHONE_NUMBER_ID}/messages`) return { status: 400, json: { error: { message: 'Unsupported post request.', code: 100 } } };
  if (call.headers.authorization !== `Bearer ${META_ACCESS_TOKEN}`) return { status: 401, json: { error: { message: 'Invalid OAuth access token.', code: 190 } } };
  const checked = message.safeParse(call.json);
  if (!checked.success) return { status: 400, json: { error: { message: `(#131009) ${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}`, code: 131009 } } };
  return { json: { messaging_product: 'whatsapp', contacts: [{ input: checked.data.to, wa_id: checked.data.to }], messages: [{ id: `wamid.out.${++sent}` }] } };
}

const waIdOf = (customer: string) => `1555${String([...customer].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) % 10_000_000).padStart(7, '0')}`;
const batch = (value: object): Payload => ({ body: JSON.stringify(waBatch(value)) });
const urls = (text: string) => text.match(/https?:\/\/\S+/g) ?? [];

function view(outputs: readonly Output[]): Seen {
  const seen: Seen = { texts: [], choices: [], links: [] };
  const show = (text: string) => {
    seen.texts.push(text);
    seen.links.push(...urls(text));
  };
  for (const output of outputs) {
    if (output.kind !== 'call') continue;
    const parsed = message.safeParse(output.call.json);
    if (!parsed.success) continue;
    const m = parsed.data;
    if (m.type === 'text') show(m.text.body);
    if (m.type === 'image' && m.image.caption) show(m.image.caption);
    if (m.type !== 'interactive') continue;
    const i = m.interactive;
    show(i.body.text);
    const card = i.body.text.split('\n')[0];
    if (i.type === 'button')
      for (const b of i.action.buttons) seen.choices.push({ label: b.reply.title, card, tap: (customer, seq) => batch(waButtonReply(waIdOf(customer), `wamid.in.${seq}`, b.reply.id, b.reply.title)) } satisfies Choice);
    if (i.type === 'list')
      for (const r of i.action.sections.flatMap((s) => s.rows)) seen.choices.push({ label: r.title, tap: (customer, seq) => batch(waListReply(waIdOf(customer), `wamid.in.${seq}`, r.id, r.title)) });
    if (i.type === 'cta_url') seen.links.push(i.action.parameters.url);
  }
  return seen;
}

function sign(payload: Payload, signing: Signing): Payload {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const secret = signing === 'wrong' ? 'another-apps-secret-0000000000000' : META_APP_SECRET;
  if (signing !== 'none') headers['x-hub-signature-256'] = `sha256=${hmacSha256(secret, Buffer.from(payload.body)).toString('hex')}`;
  return { ...payload, headers };
}

describeConformance({
  channel: 'whatsapp',
  connection: { phoneNumberId: WA_PHONE_NUMBER_ID, appSecret: META_APP_SECRET, verifyToken: META_VERIFY_TOKEN, accessToken: META_ACCESS_TOKEN },
  apiEnv: ['PARLEY_META_API_URL'],
  bodySigned: true,
  sign,
  platform,
  text: (customer, text, seq) => batch(waText(waIdOf(customer), `wamid.in.${seq}`, text)),
  status: (customer, seq) => ({ payload: batch(waStatus(waIdOf(customer), `wamid.out.${seq}`, 'delivered')), event: 'delivered' }),
  handshake: {
    valid: { 'hub.mode': 'subscribe', 'hub.verify_token': META_VERIFY_TOKEN, 'hub.challenge': '1158201444' },
    wrong: { 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1158201444' },
    answer: '1158201444',
  },
  view,
});
