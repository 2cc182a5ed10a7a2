import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../bots/service';
import { type TestParley, testParley } from '../testing';

const TELEGRAM = { botToken: '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', secretToken: 'ptl-webhook-secret-8f2d1c' };
const WECHAT = { appId: 'wxb11529c136998cb6', appSecret: '4f0c1e9d8b7a65432f10e9d8c7b6a5f4', token: 'petalpine2025', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' };
let parley: TestParley;

function start(publicUrl: string) {
  parley = testParley({}, { PARLEY_PUBLIC_URL: publicUrl });
  expect(createBot(parley.deps, { id: 'shop', name: 'Shop' }).ok).toBe(true);
}
afterEach(() => parley.close());

type Check = { check: string; ok: boolean; message: string };
const check = async (channel: string): Promise<{ status: number; checks: Check[] }> => {
  const response = await parley.request('POST', `/api/bots/shop/channels/${channel}/check`);
  const body = await response.json();
  return { status: response.status, checks: body.checks ?? [] };
};
const byName = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.check, c.ok]));

describe('checking a connection', () => {
  it('passes a complete connection behind a public HTTPS URL', async () => {
    start('https://bots.example.com');
    expect((await parley.request('PUT', '/api/bots/shop/channels/telegram', TELEGRAM)).status).toBe(200);
    const { status, checks } = await check('telegram');
    expect(status).toBe(200);
    expect(byName(checks)).toEqual({ config: true, botToken: true, secretToken: true, enabled: true, 'webhook https': true, 'webhook host': true, 'webhook path': true });
  });

  it('says what is wrong: plain HTTP, a local host, a switched-off connection, a secret from another key', async () => {
    start('http://localhost:3000');
    expect((await parley.request('PUT', '/api/bots/shop/channels/telegram', { ...TELEGRAM, enabled: false })).status).toBe(200);
    // A secret sealed under another key reads as unreadable.
    parley.deps.store.sqlite.prepare("update channel_connections set config = json_set(config, '$.secretToken', 'enc:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA') where channel = 'telegram'").run();
    const { checks } = await check('telegram');
    const results = byName(checks);
    expect(results).toMatchObject({ secretToken: false, enabled: false, 'webhook https': false, 'webhook host': false, 'webhook path': true });
    expect(checks.find((c) => c.check === 'webhook https')?.message).toContain('PARLEY_PUBLIC_URL');
    expect(checks.find((c) => c.check === 'secretToken')?.message).toContain('another secret key');
  });

  it("checks WeChat's AES key, and lets WeChat call plain HTTP", async () => {
    start('http://bots.example.com');
    expect((await parley.request('PUT', '/api/bots/shop/channels/wechat', WECHAT)).status).toBe(200);
    const { checks } = await check('wechat');
    expect(byName(checks)).toMatchObject({ config: true, encodingAesKey: true, 'webhook https': true, 'webhook host': true });
  });

  it('answers 404 when the bot is not connected, and keeps a switched-off connection off when it is edited', async () => {
    start('https://bots.example.com');
    expect((await check('telegram')).status).toBe(404);
    await parley.request('PUT', '/api/bots/shop/channels/telegram', { ...TELEGRAM, enabled: false });
    await parley.request('PUT', '/api/bots/shop/channels/telegram', { botToken: '7000000001:BBHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw' });
    const read = await (await parley.request('GET', '/api/bots/shop/channels/telegram')).json();
    expect(read).toMatchObject({ enabled: false, secrets: ['botToken', 'secretToken'], config: { botToken: '••••Dsaw', secretToken: '••••2d1c' } });
    expect(read.schema.properties.botToken).toMatchObject({ type: 'string', description: "The bot's token from @BotFather." });
    expect(read.schema.properties.sendRate).toMatchObject({ type: 'number' });
    expect(read.schema.required).toEqual(['botToken', 'secretToken']);
  });

  it('acknowledges and ignores webhooks of a switched-off connection', async () => {
    start('https://bots.example.com');
    await parley.request('PUT', '/api/bots/shop/channels/telegram', { ...TELEGRAM, enabled: false });
    const update = { update_id: 1, message: { message_id: 1, from: { id: 42, is_bot: false, first_name: 'Ana' }, chat: { id: 42, type: 'private' }, date: 1735689600, text: 'hi' } };
    const unsigned = await parley.app.request('/webhooks/telegram/shop', { method: 'POST', body: JSON.stringify(update) });
    expect(unsigned.status).toBe(401);
    const signed = await parley.app.request('/webhooks/telegram/shop', { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': TELEGRAM.secretToken }, body: JSON.stringify(update) });
    expect(signed.status).toBe(200);
    expect(await signed.json()).toEqual({ received: 0, events: 0, disabled: true });
    expect(parley.deps.store.sqlite.prepare('select count(*) from turns').pluck().get()).toBe(0);
  });
});
