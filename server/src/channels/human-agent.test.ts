import { loadExampleBots } from '@parley/examples';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBot, publishBot } from '../bots/service';
import { type TestParley, testParley } from '../testing';
import { META_ACCESS_TOKEN, META_APP_SECRET, META_VERIFY_TOKEN } from './meta/conformance-spec';
import { metaBatch, metaText } from './meta/fixtures';
import { profileLookupsIdle } from './profiles';
import { hmacSha256 } from './signing';
import { type RecordedCall, type StandIn, startStandIn } from './testing/stand-in';
import { createWindowCheck } from './window';

const HOUR = 3_600_000;
// The Send API's documented shapes, checked the way Meta would: a tag only with MESSAGE_TAG, no typing with it.
const recipient = z.object({ id: z.string().min(1) }).strict();
const sendCall = z.union([
  z.object({ recipient, messaging_type: z.literal('RESPONSE'), message: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ recipient, messaging_type: z.literal('MESSAGE_TAG'), tag: z.enum(['ACCOUNT_UPDATE', 'POST_PURCHASE_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'HUMAN_AGENT']), message: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ recipient, sender_action: z.literal('typing_on') }).strict(),
]);

let standIn: StandIn;
let parley: TestParley;
beforeAll(async () => {
  standIn = await startStandIn((call) => {
    const checked = sendCall.safeParse(call.json);
    return checked.success ? { json: { recipient_id: checked.data.recipient.id, message_id: 'm_out' } } : { status: 400, json: { error: { message: checked.error.message, code: 100 } } };
  });
});
afterAll(() => standIn.close());
beforeEach(() => {
  parley = testParley({}, { PARLEY_META_API_URL: standIn.url, PARLEY_LOG: 'silent' });
  const example = loadExampleBots().find((bot) => bot.id === 'quiz-bench');
  expect(createBot(parley.deps, { id: 'quiz', name: 'Quiz', flow: example?.flow }).ok).toBe(true);
  expect(publishBot(parley.deps, 'quiz', {}).ok).toBe(true);
});
afterEach(() => parley.close());

const connections = {
  messenger: (extra: object = {}) => ({ appSecret: META_APP_SECRET, verifyToken: META_VERIFY_TOKEN, pageAccessToken: META_ACCESS_TOKEN, ...extra }),
  instagram: (extra: object = {}) => ({ appSecret: META_APP_SECRET, verifyToken: META_VERIFY_TOKEN, accessToken: META_ACCESS_TOKEN, ...extra }),
};
type MetaChannel = keyof typeof connections;

async function customerWrites(channel: MetaChannel, customer: string, extra: object = {}): Promise<string> {
  expect((await parley.request('PUT', `/api/bots/quiz/channels/${channel}`, connections[channel](extra))).status).toBe(200);
  const body = JSON.stringify(metaBatch(channel === 'messenger' ? 'page' : 'instagram', metaText(channel === 'messenger' ? 'page' : 'instagram', customer, `m_${customer}`, 'hi')));
  const signature = `sha256=${hmacSha256(META_APP_SECRET, Buffer.from(body)).toString('hex')}`;
  expect((await parley.app.request(`/webhooks/${channel}/quiz`, { method: 'POST', headers: { 'x-hub-signature-256': signature }, body })).status).toBe(200);
  await parley.deps.dispatch.idle({ retries: true });
  await profileLookupsIdle(parley.deps.store);
  return String(parley.deps.store.sqlite.prepare('select id from conversations where channel = ? and external_key = ?').pluck().get(channel, customer));
}

function wroteAgo(conversationId: string, ms: number) {
  parley.deps.store.sqlite.prepare('update turns set created_at = ? where conversation_key = (select key from conversations where id = ?)').run(new Date(Date.now() - ms).toISOString(), conversationId);
}

/** A reply recorded by pipeline.notify — a person's from the inbox, or the bot's — and the Send API calls it made. */
async function reply(conversationId: string, reason: 'agent_reply' | 'shipping'): Promise<unknown[]> {
  standIn.calls.length = 0;
  const notified = await parley.deps.pipeline.notify(conversationId, [{ type: 'text', text: 'Checking your order now.' }], reason === 'agent_reply' ? { reason, by: 'user_ana' } : { reason });
  expect(notified.ok).toBe(true);
  await parley.deps.dispatch.idle({ retries: true });
  return standIn.calls.map((call: RecordedCall) => call.json);
}
const closedEvents = () => Number(parley.deps.store.sqlite.prepare("select count(*) from events where type = 'channel.window_closed'").pluck().get());

describe("a person's reply after the 24-hour window (HUMAN_AGENT)", () => {
  for (const channel of ['messenger', 'instagram'] as const) {
    it(`${channel}: goes out tagged HUMAN_AGENT for 7 days, where the bot's may not; never after`, async () => {
      const conversation = await customerWrites(channel, '7781001');
      wroteAgo(conversation, 2 * HOUR);
      expect(await reply(conversation, 'agent_reply')).toEqual([{ recipient: { id: '7781001' }, messaging_type: 'RESPONSE', message: { text: 'Checking your order now.' } }]);

      wroteAgo(conversation, 3 * 24 * HOUR);
      expect(await reply(conversation, 'agent_reply')).toEqual([{ recipient: { id: '7781001' }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: 'Checking your order now.' } }]);
      expect(await reply(conversation, 'shipping')).toEqual([]);
      expect(closedEvents()).toBe(1);

      wroteAgo(conversation, 8 * 24 * HOUR);
      expect(await reply(conversation, 'agent_reply')).toEqual([]);
      expect(closedEvents()).toBe(2);
    });
  }

  it("Messenger: a person's reply uses HUMAN_AGENT, not the connection's tag meant for the bot's updates", async () => {
    const conversation = await customerWrites('messenger', '7781002', { messageTag: 'POST_PURCHASE_UPDATE' });
    wroteAgo(conversation, 30 * HOUR);
    expect(await reply(conversation, 'agent_reply')).toEqual([expect.objectContaining({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' })]);
    expect(await reply(conversation, 'shipping')).toEqual([expect.objectContaining({ tag: 'POST_PURCHASE_UPDATE' })]);
  });

  it('windowOf tells the inbox whether a person may answer', async () => {
    const conversation = await customerWrites('messenger', '7781003');
    const key = Number(parley.deps.store.sqlite.prepare('select key from conversations where id = ?').pluck().get(conversation));
    const windowOf = createWindowCheck(parley.deps.store);
    const messenger = parley.deps.channels.get('messenger')?.window;
    const at = (hoursAgo: number) => {
      wroteAgo(conversation, hoursAgo * HOUR);
      return [windowOf(messenger, { key, id: conversation }, new Date()), windowOf(messenger, { key, id: conversation }, new Date(), 'agent')];
    };
    expect(at(1)).toEqual([{ open: true }, { open: true }]);
    expect(at(48)).toEqual([expect.objectContaining({ open: false, reason: "more than 24 hours since the customer's last message" }), { open: true, via: 'agent' }]);
    expect(at(200)[1]).toEqual(expect.objectContaining({ open: false, reason: "more than 168 hours since the customer's last message" }));
  });
});
