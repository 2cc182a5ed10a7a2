import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadExampleBots } from '@parley/examples';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBot, publishBot } from '../bots/service';
import { type TestParley, testParley } from '../testing';
import { telegramCallback, telegramText } from './telegram/fixtures';
import { type PlatformAnswer, type RecordedCall, type StandIn, startStandIn } from './testing/stand-in';

const TOKEN = '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const SECRET = 'ptl-webhook-secret-8f2d1c';
const DRY = [[{ text: 'dry', callback_data: 'dry' }], [{ text: 'oily', callback_data: 'oily' }]];

let standIn: StandIn;
/** Scripted answers, taken one per call; then 200. */
let script: PlatformAnswer[] = [];
let slow: ((call: RecordedCall) => number) | undefined;

beforeAll(async () => {
  standIn = await startStandIn(async (call) => {
    const wait = slow?.(call) ?? 0;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return script.shift() ?? { json: { ok: true, result: { message_id: standIn.calls.length } } };
  });
});
afterAll(() => standIn.close());

let parley: TestParley;
let dir: string;

function start(file: string, retryDelaysMs = [20, 20, 20]) {
  return testParley({ channelRetryDelaysMs: retryDelaysMs }, { PARLEY_TELEGRAM_API_URL: standIn.url, PARLEY_DB: file, PARLEY_LOG: 'silent' });
}

async function setUp(p: TestParley) {
  const example = loadExampleBots().find((bot) => bot.id === 'quiz-bench');
  expect(createBot(p.deps, { id: 'quiz', name: 'Quiz', flow: example?.flow }).ok).toBe(true);
  expect(publishBot(p.deps, 'quiz', {}).ok).toBe(true);
  expect((await p.request('PUT', '/api/bots/quiz/channels/telegram', { botToken: TOKEN, secretToken: SECRET })).status).toBe(200);
}

const post = (p: TestParley, body: object) =>
  p.app.request('/webhooks/telegram/quiz', { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(body) });

const sent = () => standIn.calls.map((call) => `${call.path.split('/').at(-1)}:${z.object({ text: z.string().optional() }).parse(call.json).text ?? ''}`);
const events = (p: TestParley) =>
  p.deps.store.sqlite.prepare("select data from events where type = 'channel.send_failed' order by id").pluck().all().map((data) => JSON.parse(String(data)));
const settle = (p: TestParley) => p.deps.dispatch.idle({ retries: true });

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-outbox-'));
  parley = start(path.join(dir, 'parley.db'));
  await setUp(parley);
  standIn.calls.length = 0;
  script = [];
  slow = undefined;
});
afterEach(async () => {
  await parley.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('channel delivery (the outbox)', () => {
  it('retries a 5xx with backoff, resuming after the calls that went through', async () => {
    expect((await post(parley, telegramText(1, 42, 'hi'))).status).toBe(200);
    await settle(parley);
    standIn.calls.length = 0;
    // The tap: answerCallbackQuery goes through, then the question fails twice.
    script = [{ json: { ok: true, result: true } }, { status: 502, text: 'Bad Gateway' }, { status: 429, json: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1' } }];
    expect((await post(parley, telegramCallback(2, 42, 'dry', DRY))).status).toBe(200);
    await settle(parley);
    expect(sent()).toEqual(['answerCallbackQuery:', 'sendMessage:Which finish do you like?', 'sendMessage:Which finish do you like?', 'sendMessage:Which finish do you like?']);
    expect(events(parley)).toEqual([]);
    const row = parley.deps.store.sqlite.prepare('select pending_turn_id, attempts, delivered_turn_id from channel_deliveries').get();
    expect(row).toEqual({ pending_turn_id: null, attempts: 0, delivered_turn_id: 2 });
  });

  it("records a refusal with the platform's error, and the next turn still goes out", async () => {
    script = [{ status: 400, json: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } }];
    await post(parley, telegramText(1, 42, 'hi'));
    await settle(parley);
    await post(parley, telegramText(2, 42, 'dry'));
    await settle(parley);
    expect(sent()).toEqual(['sendMessage:What is your skin type?', 'sendMessage:Which finish do you like?']);
    expect(events(parley)).toEqual([
      { channel: 'telegram', customerId: '42', detail: { turnId: 1, message: '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}', status: 400, retryable: false, attempts: 1, sent: 0 } },
    ]);
  });

  it('gives up when the retries run out, recording the last error', async () => {
    script = Array.from({ length: 4 }, () => ({ status: 503, text: 'Service Unavailable' }));
    await post(parley, telegramText(1, 42, 'hi'));
    await settle(parley);
    expect(sent()).toHaveLength(4);
    expect(events(parley)).toMatchObject([{ detail: { turnId: 1, status: 503, retryable: true, attempts: 4 } }]);
  });

  it("sends one customer's replies in commit order even when a send is slow", async () => {
    slow = (call) => (z.object({ text: z.string().optional() }).parse(call.json).text === 'What is your skin type?' ? 120 : 0);
    await Promise.all([post(parley, telegramText(1, 42, 'hi')), post(parley, telegramText(2, 42, 'dry')), post(parley, telegramText(3, 42, 'matte'))]);
    await settle(parley);
    expect(sent()).toEqual(['sendMessage:What is your skin type?', 'sendMessage:Which finish do you like?', 'sendMessage:What is your budget?']);
  });

  it('delivers after a restart what was committed but not sent', async () => {
    await parley.close();
    // A retry a second off: the process stops before it, and the next one keeps its time.
    parley = start(path.join(dir, 'parley.db'), [1_000]);
    // A turn committed with no delivery after it: the process stopped right after the commit.
    const outcome = await parley.deps.pipeline.receive({ botId: 'quiz', channel: 'telegram', externalKey: '42' }, { kind: 'text', text: 'hi' }, '1');
    expect(outcome.ok).toBe(true);
    // And one whose delivery was failing when it stopped.
    script = [{ status: 500, text: 'down' }];
    await post(parley, telegramText(2, 77, 'hi'));
    await parley.deps.dispatch.idle();
    await parley.close();
    expect(sent()).toEqual(['sendMessage:What is your skin type?']);
    standIn.calls.length = 0;

    parley = start(path.join(dir, 'parley.db'));
    await settle(parley);
    expect(standIn.calls.map((call) => z.object({ chat_id: z.number() }).parse(call.json).chat_id).sort()).toEqual([42, 77]);
    expect(sent()).toEqual(['sendMessage:What is your skin type?', 'sendMessage:What is your skin type?']);
    // Delivered once: a further restart sends nothing.
    await parley.close();
    standIn.calls.length = 0;
    parley = start(path.join(dir, 'parley.db'));
    await settle(parley);
    expect(sent()).toEqual([]);
  });
});
