import { loadExampleBots } from '@parley/examples';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBot, publishBot } from '../bots/service';
import { type TestParley, testParley } from '../testing';
import { META_ACCESS_TOKEN, META_APP_SECRET, META_VERIFY_TOKEN } from './meta/conformance-spec';
import { metaBatch, metaText } from './meta/fixtures';
import { profileLookupsIdle } from './profiles';
import { hmacSha256, sha1Hex } from './signing';
import { type PlatformAnswer, type RecordedCall, type StandIn, startStandIn } from './testing/stand-in';
import { viberText } from './viber/fixtures';
import { wechatText } from './wechat/fixtures';
import { WA_PHONE_NUMBER_ID, waBatch, waText } from './whatsapp/fixtures';

const HOUR = 3_600_000;
const VIBER_TOKEN = '4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f';
const WECHAT = { appId: 'wxb11529c136998cb6', appSecret: '4f0c1e9d8b7a65432f10e9d8c7b6a5f4', token: 'petalpine2025' };

// What the platforms document for messages outside the window, checked the way they would.
const recipient = z.object({ id: z.string().min(1) }).strict();
const messengerCall = z.union([
  z.object({ recipient, messaging_type: z.literal('RESPONSE'), message: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ recipient, messaging_type: z.literal('MESSAGE_TAG'), tag: z.enum(['ACCOUNT_UPDATE', 'POST_PURCHASE_UPDATE', 'CONFIRMED_EVENT_UPDATE']), message: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ recipient, sender_action: z.literal('typing_on') }).strict(),
]);
const whatsappTemplate = z
  .object({
    messaging_product: z.literal('whatsapp'),
    recipient_type: z.literal('individual'),
    to: z.string().regex(/^\d+$/),
    type: z.literal('template'),
    template: z
      .object({
        name: z.string().regex(/^[a-z0-9_]+$/),
        language: z.object({ code: z.string() }).strict(),
        components: z
          .array(z.object({ type: z.literal('body'), parameters: z.array(z.object({ type: z.literal('text'), text: z.string().min(1).max(1024).refine((t) => !/[\n\t]| {5}/.test(t), 'no newlines, tabs or 5 spaces') }).strict()) }).strict())
          .optional(),
      })
      .strict(),
  })
  .strict();
const whatsappCall = z.union([whatsappTemplate, z.object({ messaging_product: z.literal('whatsapp'), type: z.enum(['text', 'interactive', 'image']) }).loose()]);

function platform(call: RecordedCall): PlatformAnswer {
  const refuse = (issues: z.core.$ZodIssue[]) => ({ status: 400, json: { error: { message: `${issues[0]?.path.join('.')}: ${issues[0]?.message}`, code: 100 } } });
  if (call.path === '/me/messages') {
    const checked = messengerCall.safeParse(call.json);
    return checked.success ? { json: { recipient_id: checked.data.recipient.id, message_id: 'm_out' } } : refuse(checked.error.issues);
  }
  if (call.path === `/${WA_PHONE_NUMBER_ID}/messages`) {
    const checked = whatsappCall.safeParse(call.json);
    return checked.success ? { json: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.out' }] } } : refuse(checked.error.issues);
  }
  if (call.path === '/pa/send_message') return { json: { status: 0, status_message: 'ok', message_token: 5741311803571721000 } };
  if (call.path === '/cgi-bin/token') return { json: { access_token: 'ACCESS_TOKEN_w', expires_in: 7200 } };
  if (call.path === '/cgi-bin/message/custom/send') return { json: { errcode: 0, errmsg: 'ok' } };
  return { status: 404, json: { error: { message: `unknown path ${call.path}` } } };
}

let standIn: StandIn;
let parley: TestParley;
beforeAll(async () => {
  standIn = await startStandIn(platform);
});
afterAll(() => standIn.close());
beforeEach(() => {
  parley = testParley({}, { PARLEY_META_API_URL: standIn.url, PARLEY_VIBER_API_URL: standIn.url, PARLEY_WECHAT_API_URL: standIn.url, PARLEY_LOG: 'silent' });
  const example = loadExampleBots().find((bot) => bot.id === 'quiz-bench');
  expect(createBot(parley.deps, { id: 'quiz', name: 'Quiz', flow: example?.flow }).ok).toBe(true);
  expect(publishBot(parley.deps, 'quiz', {}).ok).toBe(true);
  standIn.calls.length = 0;
});
afterEach(() => parley.close());

const metaSigned = (body: object) => {
  const text = JSON.stringify(body);
  return { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${hmacSha256(META_APP_SECRET, Buffer.from(text)).toString('hex')}` }, body: text };
};
const webhooks = {
  messenger: (customer: string) => metaSigned(metaBatch('page', metaText('page', customer, `m_${customer}`, 'hi'))),
  whatsapp: (customer: string) => metaSigned(waBatch(waText(customer, `wamid.${customer}`, 'hi'))),
  viber: (customer: string) => {
    const body = viberText(customer, '5741311803571721087', 'hi');
    return { method: 'POST', headers: { 'x-viber-content-signature': hmacSha256(VIBER_TOKEN, Buffer.from(body)).toString('hex') }, body };
  },
  wechat: (customer: string) => ({ method: 'POST', headers: { 'content-type': 'text/xml' }, body: wechatText(customer, '23637352235060880', 'hi') }),
};
const wechatQuery = `?timestamp=1735689600&nonce=n0nce&signature=${sha1Hex([WECHAT.token, '1735689600', 'n0nce'].sort().join(''))}`;

/** The customer writes; their conversation's id. */
async function customerWrites(channel: keyof typeof webhooks, customer: string): Promise<string> {
  const response = await parley.app.request(`/webhooks/${channel}/quiz${channel === 'wechat' ? wechatQuery : ''}`, webhooks[channel](customer));
  expect(response.status).toBe(200);
  await parley.deps.dispatch.idle({ retries: true });
  // The profile lookup after the first message runs beside the turn: done before the later replies are counted.
  await profileLookupsIdle(parley.deps.store);
  return String(parley.deps.store.sqlite.prepare('select id from conversations where channel = ? and external_key = ?').pluck().get(channel, customer));
}

/** Moves the customer's messages back in time, as if they wrote that long ago. */
function wroteAgo(conversationId: string, ms: number) {
  const at = new Date(Date.now() - ms).toISOString();
  parley.deps.store.sqlite.prepare('update turns set created_at = ? where conversation_key = (select key from conversations where id = ?)').run(at, conversationId);
}

/** A later reply (a shipping notice) for the conversation, through its channel; the platform calls it made. */
async function laterReply(conversationId: string): Promise<RecordedCall[]> {
  standIn.calls.length = 0;
  const notified = await parley.deps.pipeline.notify(conversationId, [{ type: 'text', text: 'Your order has shipped.\nTrack it any time.' }], { reason: 'shipping' });
  expect(notified.ok).toBe(true);
  await parley.deps.dispatch.idle({ retries: true });
  return [...standIn.calls];
}

const windowEvents = () =>
  parley.deps.store.sqlite
    .prepare("select conversation_id as conversationId, data from events where type = 'channel.window_closed' order by id")
    .all()
    .map((row) => z.object({ conversationId: z.string(), data: z.string() }).parse(row))
    .map((row) => {
      const data = z.object({ channel: z.string(), detail: z.object({ replies: z.number() }).loose() }).parse(JSON.parse(row.data));
      return { conversationId: row.conversationId, channel: data.channel, ...data.detail };
    });

/** Delivery is settled: nothing pending, nothing to retry. */
const settled = (conversationId: string) =>
  parley.deps.store.sqlite
    .prepare('select d.pending_turn_id as pending, d.delivered_turn_id = (select max(id) from turns t where t.conversation_key = c.key) as caughtUp from channel_deliveries d join conversations c on c.key = d.conversation_key where c.id = ?')
    .get(conversationId);

const connect = (channel: string, config: object) => parley.request('PUT', `/api/bots/quiz/channels/${channel}`, config).then((r) => expect(r.status).toBe(200));
const messenger = (extra: object = {}) => connect('messenger', { appSecret: META_APP_SECRET, verifyToken: META_VERIFY_TOKEN, pageAccessToken: META_ACCESS_TOKEN, ...extra });
const whatsapp = (extra: object = {}) => connect('whatsapp', { phoneNumberId: WA_PHONE_NUMBER_ID, appSecret: META_APP_SECRET, verifyToken: META_VERIFY_TOKEN, accessToken: META_ACCESS_TOKEN, ...extra });
const bodies = (calls: readonly RecordedCall[]) => calls.map((call) => call.json);

describe('customer-service windows', () => {
  it('Messenger: inside 24 hours replies go out as responses; after, with the message tag, or not at all with a visible event', async () => {
    await messenger();
    const conversation = await customerWrites('messenger', '6683948312');
    expect(standIn.calls.length).toBeGreaterThan(0);
    wroteAgo(conversation, 23 * HOUR);
    expect(bodies(await laterReply(conversation))).toEqual([{ recipient: { id: '6683948312' }, messaging_type: 'RESPONSE', message: { text: 'Your order has shipped.\nTrack it any time.' } }]);

    wroteAgo(conversation, 25 * HOUR);
    expect(await laterReply(conversation)).toEqual([]);
    expect(windowEvents()).toEqual([expect.objectContaining({ conversationId: conversation, channel: 'messenger', replies: 1 })]);
    expect(settled(conversation)).toEqual({ pending: null, caughtUp: 1 });

    await messenger({ messageTag: 'POST_PURCHASE_UPDATE' });
    expect(bodies(await laterReply(conversation))).toEqual([
      { recipient: { id: '6683948312' }, messaging_type: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE', message: { text: 'Your order has shipped.\nTrack it any time.' } },
    ]);
    expect(windowEvents()).toHaveLength(1);
  });

  it('Messenger refuses a tag it does not know, naming the field', async () => {
    const response = await parley.request('PUT', '/api/bots/quiz/channels/messenger', { appSecret: META_APP_SECRET, verifyToken: META_VERIFY_TOKEN, pageAccessToken: META_ACCESS_TOKEN, messageTag: 'PROMOTION' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('messageTag');
  });

  it('WhatsApp: after 24 hours sends the approved template with the text as its body parameter, or nothing without one', async () => {
    await whatsapp();
    const conversation = await customerWrites('whatsapp', '15550783881');
    wroteAgo(conversation, 30 * HOUR);
    expect(await laterReply(conversation)).toEqual([]);
    expect(windowEvents()).toEqual([expect.objectContaining({ channel: 'whatsapp', replies: 1 })]);

    await whatsapp({ templateName: 'order_update', templateLanguage: 'es_MX' });
    expect(bodies(await laterReply(conversation))).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '15550783881',
        type: 'template',
        template: { name: 'order_update', language: { code: 'es_MX' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Your order has shipped. Track it any time.' }] }] },
      },
    ]);
    await whatsapp({ templateName: 'hello_world', templateBodyText: false });
    expect(bodies(await laterReply(conversation))).toEqual([expect.objectContaining({ type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } })]);

    wroteAgo(conversation, 2 * HOUR);
    expect(bodies(await laterReply(conversation))).toEqual([expect.objectContaining({ type: 'text', text: { body: 'Your order has shipped.\nTrack it any time.', preview_url: false } })]);
  });

  it('Viber: sends any time after the customer wrote, but not once they unsubscribed', async () => {
    await connect('viber', { authToken: VIBER_TOKEN, senderName: 'Petal' });
    const conversation = await customerWrites('viber', '01234567890A=');
    wroteAgo(conversation, 30 * 24 * HOUR);
    expect((await laterReply(conversation)).map((call) => call.path)).toEqual(['/pa/send_message']);

    const unsubscribed = JSON.stringify({ event: 'unsubscribed', timestamp: Date.now(), chat_hostname: 'SN-376_', user_id: '01234567890A=', message_token: 4912661846655238145 });
    const response = await parley.app.request('/webhooks/viber/quiz', { method: 'POST', headers: { 'x-viber-content-signature': hmacSha256(VIBER_TOKEN, Buffer.from(unsubscribed)).toString('hex') }, body: unsubscribed });
    expect(response.status).toBe(200);
    expect(await laterReply(conversation)).toEqual([]);
    expect(windowEvents()).toEqual([expect.objectContaining({ channel: 'viber', replies: 1, reason: 'the customer unsubscribed after their last message' })]);
  });

  it('WeChat: customer-service messages within 48 hours only', async () => {
    await connect('wechat', WECHAT);
    const conversation = await customerWrites('wechat', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o');
    wroteAgo(conversation, 47 * HOUR);
    expect((await laterReply(conversation)).map((call) => call.path)).toContain('/cgi-bin/message/custom/send');
    wroteAgo(conversation, 49 * HOUR);
    expect(await laterReply(conversation)).toEqual([]);
    expect(windowEvents()).toEqual([expect.objectContaining({ channel: 'wechat', replies: 1 })]);
  });
});
