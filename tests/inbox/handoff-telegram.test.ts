import { loadExampleBots } from '@parley/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBot, publishBot } from '../../server/src/bots/service';
import { telegramCallback, telegramText } from '../../server/src/channels/telegram/fixtures';
import { type RecordedCall, type StandIn, startStandIn } from '../../server/src/channels/testing/stand-in';
import { seedExampleTeams } from '../../server/src/teams/examples';
import { type TestBrowser, type TestParley, signedInAs, testParley } from '../../server/src/testing';

/**
 * A guest of the hotel-concierge example writes on Telegram, asks something the bot cannot answer and
 * is handed to the front desk; an agent answers from the inbox, through Telegram's Bot API (a local
 * stand-in checks each call's documented shape), then hands back to the bot, whose next message
 * arrives on Telegram too.
 */
const BOT_TOKEN = '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const SECRET = 'hotel-webhook-secret-5c1e9a';
const CHAT = 424242;

const button = z.object({ text: z.string().min(1), callback_data: z.string().min(1).max(64) }).strict();
const sendMessage = z
  .object({ chat_id: z.union([z.number(), z.string()]), text: z.string().min(1).max(4096), reply_markup: z.object({ inline_keyboard: z.array(z.array(button)) }).strict().optional() })
  .strict();
type SentMessage = z.infer<typeof sendMessage>;

let parley: TestParley;
let telegram: StandIn;
let agent: TestBrowser;
let updateId = 9000;

function platform(call: RecordedCall) {
  const match = /^\/bot([^/]+)\/(\w+)$/.exec(call.path);
  if (!match || match[1] !== BOT_TOKEN) return { status: 401, json: { ok: false, error_code: 401, description: 'Unauthorized' } };
  if (match[2] === 'answerCallbackQuery' || match[2] === 'sendChatAction') return { json: { ok: true, result: true } };
  if (match[2] !== 'sendMessage') return { status: 404, json: { ok: false, error_code: 404, description: 'Not Found' } };
  const checked = sendMessage.safeParse(call.json);
  if (!checked.success) return { status: 400, json: { ok: false, error_code: 400, description: `Bad Request: ${checked.error.issues[0]?.message}` } };
  return { json: { ok: true, result: { message_id: ++updateId, chat: { id: CHAT, type: 'private' }, date: 1735689600, text: checked.data.text } } };
}

/** Messages Telegram accepted since `from` (calls it refused would show as 4xx answers, so none are counted). */
const messagesSince = (from: number): SentMessage[] =>
  telegram.calls
    .slice(from)
    .filter((call) => call.path.endsWith('/sendMessage'))
    .map((call) => sendMessage.parse(call.json));

async function update(body: unknown) {
  const response = await parley.app.request('/webhooks/telegram/hotel-concierge', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  await parley.deps.dispatch.idle();
}

/** The guest taps a button of the last message the bot sent. */
async function tap(title: string) {
  const last = messagesSince(0).at(-1);
  const keyboard = last?.reply_markup?.inline_keyboard ?? [];
  const chosen = keyboard.flat().find((b) => b.text === title);
  if (!chosen) throw new Error(`no button "${title}" in ${JSON.stringify(keyboard)}`);
  await update(telegramCallback(++updateId, CHAT, chosen.callback_data, keyboard));
}

beforeAll(async () => {
  telegram = await startStandIn(platform);
  parley = testParley({ channelRetryDelaysMs: [] }, { PARLEY_TELEGRAM_API_URL: telegram.url });
  const hotel = loadExampleBots().find((bot) => bot.id === 'hotel-concierge');
  if (!hotel) throw new Error('hotel-concierge example missing');
  const created = createBot(parley.deps, { id: hotel.id, name: hotel.name, description: hotel.description, flow: hotel.flow });
  if (!created.ok) throw new Error(created.error.message);
  const published = publishBot(parley.deps, hotel.id, { note: 'test' });
  if (!published.ok) throw new Error(published.error.message);
  expect(seedExampleTeams(parley.deps.store, ['hotel-concierge'], new Date())).toEqual(['front-desk', 'reservations']);
  expect((await parley.request('PUT', '/api/bots/hotel-concierge/channels/telegram', { botToken: BOT_TOKEN, secretToken: SECRET })).status).toBe(200);
  agent = await signedInAs(parley, 'agent', 'Camille Desk');
});
afterAll(async () => {
  await parley.close();
  await telegram.close();
});

describe('a Telegram guest handed to the front desk', () => {
  it('reaches the inbox, gets the agent’s answer on Telegram, and the bot takes over again', async () => {
    await update(telegramText(++updateId, CHAT, 'hi'));
    await tap('Ask a question');
    await update(telegramText(++updateId, CHAT, 'Is there a casino nearby?'));
    const handedOff = telegram.calls.length;
    await tap('Yes, please');
    expect(messagesSince(handedOff)).toEqual([{ chat_id: CHAT, text: "I'm connecting you with our front desk team. They'll reply right here, usually within a few minutes." }]);

    const inbox = await (await agent.request('GET', '/api/inbox?view=waiting&team=front-desk')).json();
    expect(inbox.items).toHaveLength(1);
    const [item] = inbox.items;
    expect(item).toMatchObject({ botId: 'hotel-concierge', channel: 'telegram', teamKey: 'front-desk', contact: { name: 'Ana Silva', externalKey: String(CHAT) }, status: 'waiting' });
    expect(item.summary).toContain('Is there a casino nearby?');

    // The guest writes while waiting: the bot stays quiet, the agent sees it.
    const quiet = telegram.calls.length;
    await update(telegramText(++updateId, CHAT, 'Ideally within walking distance'));
    expect(messagesSince(quiet)).toEqual([]);

    const before = telegram.calls.length;
    const replied = await agent.request('POST', `/api/inbox/${item.id}/reply`, { text: 'The nearest casino is in Enghien-les-Bains, 25 minutes by train.' });
    expect(replied.status).toBe(200);
    await parley.deps.dispatch.idle();
    expect(messagesSince(before)).toEqual([{ chat_id: CHAT, text: 'The nearest casino is in Enghien-les-Bains, 25 minutes by train.' }]);
    const detail = await (await agent.request('GET', `/api/inbox/${item.id}`)).json();
    expect(detail.item).toMatchObject({ status: 'assigned', assigneeName: 'Camille Desk', lastMessage: 'Ideally within walking distance' });
    expect(detail.transcript.filter((e: { from: string }) => e.from === 'agent')).toEqual([
      expect.objectContaining({ agentName: 'Camille Desk', text: 'The nearest casino is in Enghien-les-Bains, 25 minutes by train.', delivery: 'sent', error: null }),
    ]);
    expect(detail.resumeNodes).toContainEqual({ id: 'anything-else', label: 'Anything else?' });

    const resolvedAt = telegram.calls.length;
    const resolved = await agent.request('POST', `/api/inbox/${item.id}/resolve`, { handBack: { to: 'node', nodeId: 'anything-else' } });
    expect(resolved.status).toBe(200);
    await parley.deps.dispatch.idle();
    const [next] = messagesSince(resolvedAt);
    expect(next).toMatchObject({ chat_id: CHAT, text: 'Anything else I can help you with?' });
    expect(next?.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toContain('Another question');
    expect((await (await agent.request('GET', '/api/inbox?view=resolved')).json()).items).toMatchObject([{ id: item.id, status: 'resolved' }]);
  });
});
