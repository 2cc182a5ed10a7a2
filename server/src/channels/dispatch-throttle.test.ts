import { loadExampleBots } from '@parley/examples';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBot, publishBot } from '../bots/service';
import { type TestParley, testParley } from '../testing';
import { telegramText } from './telegram/fixtures';
import { type PlatformAnswer, type StandIn, startStandIn } from './testing/stand-in';

const TOKEN = '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const SECRET = 'ptl-webhook-secret-8f2d1c';

let standIn: StandIn;
/** Scripted answers, one per call; then 200. */
let script: PlatformAnswer[] = [];
/** When each call reached the stand-in, ms, with its chat. */
let arrivals: { at: number; chat: number; text: string }[] = [];
const message = z.object({ chat_id: z.number(), text: z.string() });

beforeAll(async () => {
  standIn = await startStandIn((call) => {
    const sent = message.parse(call.json);
    arrivals.push({ at: Date.now(), chat: sent.chat_id, text: sent.text });
    return script.shift() ?? { json: { ok: true, result: { message_id: arrivals.length } } };
  });
});
afterAll(() => standIn.close());

let parley: TestParley;

async function connect(connection: Record<string, unknown> = {}) {
  parley = testParley({ channelRetryDelaysMs: [20, 20, 20] }, { PARLEY_TELEGRAM_API_URL: standIn.url, PARLEY_LOG: 'silent' });
  const example = loadExampleBots().find((bot) => bot.id === 'quiz-bench');
  expect(createBot(parley.deps, { id: 'quiz', name: 'Quiz', flow: example?.flow }).ok).toBe(true);
  expect(publishBot(parley.deps, 'quiz', {}).ok).toBe(true);
  const put = await parley.request('PUT', '/api/bots/quiz/channels/telegram', { botToken: TOKEN, secretToken: SECRET, ...connection });
  expect(put.status).toBe(200);
}

const post = (body: object) => parley.app.request('/webhooks/telegram/quiz', { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(body) });
const settle = () => parley.deps.dispatch.idle({ retries: true });
const failures = () => parley.deps.store.sqlite.prepare("select count(*) from events where type = 'channel.send_failed'").pluck().get();

beforeEach(() => {
  script = [];
  arrivals = [];
});
afterEach(() => parley.close());

describe('platform rate limits in delivery', () => {
  it("waits as long as a 429's Retry-After says, for every chat of the connection, in order", async () => {
    await connect();
    script = [{ status: 429, headers: { 'retry-after': '1' }, json: { ok: false, error_code: 429, description: 'Too Many Requests' } }];
    expect((await post(telegramText(1, 42, 'hi'))).status).toBe(200);
    // The 429 has come back before the other chat writes.
    for (let i = 0; i < 200 && arrivals.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await post(telegramText(2, 43, 'hi'))).status).toBe(200);
    expect((await post(telegramText(3, 42, 'dry'))).status).toBe(200);
    await settle();
    const [refused, ...after] = arrivals;
    expect(refused?.chat).toBe(42);
    // The retry delays are 20 ms: only Retry-After can hold these back a second.
    for (const call of after) expect(call.at - (refused?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(after.filter((call) => call.chat === 42).map((call) => call.text)).toEqual(['What is your skin type?', 'Which finish do you like?']);
    expect(after.filter((call) => call.chat === 43).map((call) => call.text)).toEqual(['What is your skin type?']);
    expect(failures()).toBe(0);
  });

  it("takes Telegram's parameters.retry_after when there is no header", async () => {
    await connect();
    script = [{ status: 429, json: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } }];
    await post(telegramText(1, 42, 'hi'));
    await settle();
    expect(arrivals).toHaveLength(2);
    expect((arrivals[1]?.at ?? 0) - (arrivals[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(failures()).toBe(0);
  });

  it("keeps to the connection's send-rate cap", async () => {
    await connect({ sendRate: 2 });
    await Promise.all([1, 2, 3, 4].map((index) => post(telegramText(index, 100 + index, 'hi'))));
    await settle();
    expect(arrivals).toHaveLength(4);
    const spread = (arrivals[3]?.at ?? 0) - (arrivals[0]?.at ?? 0);
    // Two at once (a second's worth), then one every 500 ms.
    expect(spread).toBeGreaterThanOrEqual(950);
  });

  it('refuses a send-rate above what the app allows, naming the field', async () => {
    await connect();
    const put = await parley.request('PUT', '/api/bots/quiz/channels/telegram', { botToken: TOKEN, secretToken: SECRET, sendRate: 5000 });
    expect(put.status).toBe(400);
    expect(await put.text()).toContain('sendRate');
  });
});
