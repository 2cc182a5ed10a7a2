import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../bots/service';
import { type TestParley, testParley } from '../testing';

let parley: TestParley;
const TOKEN = '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const SECRET = 'ptl-webhook-secret-8f2d1c';

beforeEach(() => {
  parley = testParley();
  expect(createBot(parley.deps, { id: 'shop', name: 'Shop' }).ok).toBe(true);
});
afterEach(() => parley.close());

describe('channel connections API', () => {
  it('stores a connection and reads it back with its secrets masked and its webhook URL', async () => {
    const put = await parley.request('PUT', '/api/bots/shop/channels/telegram', { botToken: TOKEN, secretToken: SECRET });
    expect(put.status).toBe(200);
    const read = await (await parley.request('GET', '/api/bots/shop/channels/telegram')).json();
    expect(read).toMatchObject({ channel: 'telegram', title: 'Telegram', connected: true, webhookUrl: 'http://parley.test/webhooks/telegram/shop' });
    expect(read.config).toEqual({ botToken: '••••Dsaw', secretToken: '••••2d1c' });
    expect(JSON.stringify(read)).not.toContain(SECRET);
    expect(JSON.stringify(read)).not.toContain(TOKEN);
    const all = await (await parley.request('GET', '/api/bots/shop/channels')).json();
    expect(all.channels.find((c: { channel: string }) => c.channel === 'telegram').connected).toBe(true);
    expect(all.channels.every((c: { webhookUrl: string; channel: string }) => c.webhookUrl === `http://parley.test/webhooks/${c.channel}/shop`)).toBe(true);
  });

  it('keeps a secret left out of an update, and refuses a config that does not fit, naming the field', async () => {
    await parley.request('PUT', '/api/bots/shop/channels/telegram', { botToken: TOKEN, secretToken: SECRET });
    const newToken = '7000000001:BBHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
    expect((await parley.request('PUT', '/api/bots/shop/channels/telegram', { botToken: newToken })).status).toBe(200);
    expect(parley.deps.connections.get('shop', 'telegram')?.config).toEqual({ botToken: newToken, secretToken: SECRET });
    const bad = await parley.request('PUT', '/api/bots/shop/channels/telegram', { botToken: 'nope' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('botToken');
    expect(parley.deps.connections.get('shop', 'telegram')?.config.botToken).toBe(newToken);
  });

  it('answers 404 for an unknown bot, channel or connection, and deletes a connection', async () => {
    expect((await parley.request('PUT', '/api/bots/nobody/channels/telegram', { botToken: TOKEN, secretToken: SECRET })).status).toBe(404);
    const unknown = await parley.request('GET', '/api/bots/shop/channels/kik');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toContain('telegram');
    expect((await parley.request('GET', '/api/bots/shop/channels/telegram')).status).toBe(404);
    await parley.request('PUT', '/api/bots/shop/channels/telegram', { botToken: TOKEN, secretToken: SECRET });
    expect(await (await parley.request('DELETE', '/api/bots/shop/channels/telegram')).json()).toEqual({ deleted: 'telegram' });
    expect((await parley.request('DELETE', '/api/bots/shop/channels/telegram')).status).toBe(404);
  });

  it('stores secrets sealed, never as given, and refuses to use them under another key', async () => {
    await parley.request('PUT', '/api/bots/shop/channels/telegram', { botToken: TOKEN, secretToken: SECRET });
    const row = String(parley.deps.store.sqlite.prepare("select config from channel_connections where bot_id = 'shop'").pluck().get());
    expect(row).not.toContain(SECRET);
    expect(row).not.toContain(TOKEN);
    expect(JSON.parse(row).botToken).toMatch(/^enc:v1:/);
    // A sealed value moved to another bot does not open there.
    expect(createBot(parley.deps, { id: 'other', name: 'Other' }).ok).toBe(true);
    parley.deps.store.sqlite.prepare("insert into channel_connections (bot_id, channel, config, created_at, updated_at) values ('other', 'telegram', ?, 'now', 'now')").run(row);
    const moved = await (await parley.request('GET', '/api/bots/other/channels/telegram')).json();
    expect(moved.unreadable).toEqual(['botToken', 'secretToken']);
    const webhook = await parley.app.request('/webhooks/telegram/other', { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: '{}' });
    expect(webhook.status).toBe(409);
    expect((await webhook.json()).error.message).toContain('set the connection again');
  });

  it('needs the admin token', async () => {
    const response = await parley.app.request('/api/bots/shop/channels/telegram', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
  });
});

describe('channel webhooks', () => {
  it('answers 404 for a bot without that connection, before reading anything', async () => {
    const response = await parley.app.request('/webhooks/telegram/shop', { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toContain('no Telegram connection');
  });

  it('refuses a verified body that does not parse with a 400 naming the problem, storing nothing', async () => {
    await parley.request('PUT', '/api/bots/shop/channels/telegram', { botToken: TOKEN, secretToken: SECRET });
    const response = await parley.app.request('/webhooks/telegram/shop', { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: '{"update_id":"x"}' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.field).toBe('update_id');
    expect(parley.deps.store.sqlite.prepare('select count(*) from turns').pluck().get()).toBe(0);
  });

  it('takes a platform batch larger than a web message, up to 1 MB', async () => {
    await parley.request('PUT', '/api/bots/shop/channels/telegram', { botToken: TOKEN, secretToken: SECRET });
    const post = (bytes: number) =>
      parley.app.request('/webhooks/telegram/shop', { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET, 'content-length': String(bytes) }, body: `{"update_id":"${'x'.repeat(bytes - 17)}"}` });
    expect((await post(200 * 1024)).status).toBe(400);
    expect((await post(1024 * 1024 + 1)).status).toBe(413);
  });

  it('answers a webhook for an unpublished bot with 409 after verifying it, so the platform retries', async () => {
    await parley.request('PUT', '/api/bots/shop/channels/telegram', { botToken: TOKEN, secretToken: SECRET });
    const update = { update_id: 1, message: { message_id: 1, chat: { id: 5, type: 'private' }, date: 1, text: 'hi' } };
    const response = await parley.app.request('/webhooks/telegram/shop', { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update) });
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe('not_published');
  });
});
