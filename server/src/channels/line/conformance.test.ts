import { z } from 'zod';
import { hmacSha256 } from '../signing';
import { type Choice, type Output, type Payload, type Seen, type Signing, describeConformance } from '../testing/conformance';
import type { RecordedCall } from '../testing/stand-in';
import { lineBatch, linePostback, lineText } from './fixtures';
import { LINE_LIMITS as L } from './render';

const SECRET = '8c570fa6dd201bb328f1c1eac23a96d8';
const TOKEN = 'kWy3J0PZ4rJxChannelAccessTokenForTests0123456789';

// The Messaging API's documented message objects and limits, as the stand-in enforces them.
const label = z.string().min(1).max(L.label);
const action = z.discriminatedUnion('type', [
  z.object({ type: z.literal('postback'), label, data: z.string().min(1).max(L.data), displayText: z.string().min(1).max(L.displayText) }).strict(),
  z.object({ type: z.literal('message'), label, text: z.string().min(1).max(L.displayText) }).strict(),
  z.object({ type: z.literal('uri'), label, uri: z.string().regex(/^(https?|line|tel):/).max(L.uri) }).strict(),
]);
const quickReply = z.object({ items: z.array(z.object({ type: z.literal('action'), action }).strict()).min(1).max(L.quickReplies) }).strict();
const column = z
  .object({ thumbnailImageUrl: z.string().startsWith('https://').optional(), title: z.string().min(1).max(L.columnTitle).optional(), text: z.string().min(1).max(L.columnText), actions: z.array(action).min(1).max(L.columnActions) })
  .strict()
  .refine((c) => (c.title === undefined && c.thumbnailImageUrl === undefined) || c.text.length <= L.columnTextWithTitle, 'text is at most 60 characters with a title or image');
const alike = (columns: z.output<typeof column>[]) =>
  new Set(columns.map((c) => `${c.actions.length}/${c.title !== undefined}/${c.thumbnailImageUrl !== undefined}`)).size <= 1;
const message = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(L.text), quickReply: quickReply.optional() }).strict(),
  z.object({ type: z.literal('image'), originalContentUrl: z.string().startsWith('https://'), previewImageUrl: z.string().startsWith('https://') }).strict(),
  z
    .object({
      type: z.literal('template'),
      altText: z.string().min(1).max(L.altText),
      template: z.discriminatedUnion('type', [
        z.object({ type: z.literal('carousel'), columns: z.array(column).min(1).max(L.columns).refine(alike, 'every column needs the same number of actions, and titles and images on all or none') }).strict(),
        z.object({ type: z.literal('buttons'), text: z.string().min(1).max(L.buttonsText), actions: z.array(action).min(1).max(4) }).strict(),
      ]),
    })
    .strict(),
]);
const messages = z.array(message).min(1).max(L.messagesPerRequest);
const calls: Record<string, z.ZodType> = {
  '/v2/bot/message/reply': z.object({ replyToken: z.string().min(1), messages }).strict(),
  '/v2/bot/message/push': z.object({ to: z.string().min(1), messages }).strict(),
  '/v2/bot/chat/loading/start': z.object({ chatId: z.string().startsWith('U'), loadingSeconds: z.number().int().min(5).max(60).multipleOf(5) }).strict(),
};

const usedTokens = new Set<string>();
function platform(call: RecordedCall) {
  if (call.headers.authorization !== `Bearer ${TOKEN}`) return { status: 401, json: { message: 'Authentication failed. Confirm that the access token in the authorization header is valid.' } };
  const schema = calls[call.path];
  if (!schema) return { status: 404, json: { message: 'Not found' } };
  const checked = schema.safeParse(call.json);
  if (!checked.success) return { status: 400, json: { message: 'The request body has 1 error(s)', details: [{ message: checked.error.issues[0]?.message, property: checked.error.issues[0]?.path.join('.') }] } };
  if (call.path.endsWith('/push') && !call.headers['x-line-retry-key']) return { status: 400, json: { message: 'A retry key makes pushes safe to repeat' } };
  if (call.path.endsWith('/reply')) {
    const token = z.object({ replyToken: z.string() }).parse(call.json).replyToken;
    if (usedTokens.has(token)) return { status: 400, json: { message: 'Invalid reply token' } };
    usedTokens.add(token);
  }
  return { json: call.path.endsWith('/start') ? {} : { sentMessages: [{ id: '461230966842064897', quoteToken: 'IStG5h1Tz7b' }] } };
}

const userOf = (customer: string) => `U${Buffer.from(customer).toString('hex').padEnd(32, '0').slice(0, 32)}`;
const batch = (event: object): Payload => ({ body: JSON.stringify(lineBatch(event)) });

function tap(a: z.output<typeof action>, card?: string): Choice[] {
  if (a.type === 'uri') return [];
  const said = a.type === 'postback' ? a.displayText : a.text;
  return [{
    label: a.type === 'message' && card !== undefined && said === card ? card : a.label,
    ...(card !== undefined && a.type === 'postback' ? { card } : {}),
    tap: (customer, seq) => batch(a.type === 'postback' ? linePostback(userOf(customer), `E${seq}`, a.data) : lineText(userOf(customer), `E${seq}`, a.text)),
  }];
}

function view(outputs: readonly Output[]): Seen {
  const seen: Seen = { texts: [], choices: [], links: [] };
  for (const output of outputs) {
    if (output.kind !== 'call' || !output.call.path.startsWith('/v2/bot/message/')) continue;
    for (const m of z.object({ messages }).parse(output.call.json).messages) {
      if (m.type === 'text') {
        seen.texts.push(m.text);
        for (const item of m.quickReply?.items ?? []) seen.choices.push(...tap(item.action));
      }
      if (m.type !== 'template') continue;
      const t = m.template;
      const columns = t.type === 'carousel' ? t.columns : [{ title: undefined, text: t.text, actions: t.actions }];
      for (const c of columns) {
        seen.texts.push([c.title, c.text].filter(Boolean).join('\n'));
        const card = c.title ?? c.text.split('\n')[0];
        for (const a of c.actions) {
          if (a.type === 'uri') seen.links.push(a.uri);
          else seen.choices.push(...tap(a, t.type === 'carousel' ? card : undefined));
        }
      }
    }
  }
  return seen;
}

/** The profile API: a user's displayName and language. */
function profile(call: RecordedCall) {
  if (call.method !== 'GET' || !call.path.startsWith('/v2/bot/profile/')) return undefined;
  if (call.headers.authorization !== `Bearer ${TOKEN}`) return { status: 401, json: { message: 'Authentication failed.' } };
  return { json: { displayName: 'Kenji Sato', userId: call.path.split('/').at(-1), language: 'ja', pictureUrl: 'https://profile.line-scdn.net/0h' } };
}

function sign(payload: Payload, signing: Signing): Payload {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signing !== 'none') headers['x-line-signature'] = hmacSha256(signing === 'wrong' ? '00000000000000000000000000000000' : SECRET, Buffer.from(payload.body)).toString('base64');
  return { ...payload, headers };
}

describeConformance({
  channel: 'line',
  connection: { channelSecret: SECRET, channelAccessToken: TOKEN },
  apiEnv: ['PARLEY_LINE_API_URL'],
  bodySigned: true,
  sign,
  platform,
  profile,
  profileName: 'Kenji Sato',
  text: (customer, text, seq) => batch(lineText(userOf(customer), `E${seq}`, text)),
  view,
});
