import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBot, publishBot } from '../bots/service';
import { type TestParley, testParley } from '../testing';
import { contactProfile, upsertContact } from './contacts';
import { telegramText } from './telegram/fixtures';
import { type StandIn, startStandIn } from './testing/stand-in';

const TOKEN = '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const SECRET = 'ptl-webhook-secret-8f2d1c';
const flow = {
  schemaVersion: 1,
  id: 'greeter',
  name: 'Greeter',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'hello', type: 'message', position: { x: 250, y: 0 }, data: { text: 'Hello {{contact.name | friend}} [{{contact.language | ?}}] #{{contact.id}}' } },
  ],
  edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' }],
};

let standIn: StandIn;
let parley: TestParley;
beforeAll(async () => {
  standIn = await startStandIn(() => ({ json: { ok: true, result: { message_id: 1 } } }));
});
afterAll(() => standIn.close());
beforeEach(async () => {
  parley = testParley({}, { PARLEY_TELEGRAM_API_URL: standIn.url, PARLEY_LOG: 'silent' });
  expect(createBot(parley.deps, { id: 'greeter', name: 'Greeter', flow }).ok).toBe(true);
  // Publishing validates the flow: contact.name and contact.language are known variables.
  expect(publishBot(parley.deps, 'greeter', {}).ok).toBe(true);
  expect((await parley.request('PUT', '/api/bots/greeter/channels/telegram', { botToken: TOKEN, secretToken: SECRET })).status).toBe(200);
  standIn.calls.length = 0;
});
afterEach(() => parley.close());

const post = (body: object) => parley.app.request('/webhooks/telegram/greeter', { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(body) });
const contactRows = () => parley.deps.store.sqlite.prepare('select bot_id as botId, channel, platform_id as platformId, name, language, first_seen_at as firstSeenAt, last_seen_at as lastSeenAt from contacts').all();
const sentTexts = () => standIn.calls.map((call) => z.object({ text: z.string() }).parse(call.json).text);

describe('contacts', () => {
  it('become a contact from their first message, and the flow greets them by name and language', async () => {
    expect((await post(telegramText(5001, 42, 'hi'))).status).toBe(200);
    await parley.deps.dispatch.idle();
    expect(contactRows()).toEqual([{ botId: 'greeter', channel: 'telegram', platformId: '42', name: 'Ana Silva', language: 'pt-BR', firstSeenAt: expect.any(String), lastSeenAt: expect.any(String) }]);
    expect(sentTexts()).toEqual(['Hello Ana Silva [pt-BR] #42']);
  });

  it('are one row per customer: later messages move last seen and keep what the platform left out', async () => {
    expect((await post(telegramText(5001, 42, 'hi'))).status).toBe(200);
    const [first] = z.array(z.object({ firstSeenAt: z.string(), lastSeenAt: z.string() })).parse(contactRows());
    await new Promise((resolve) => setTimeout(resolve, 5));
    const anonymous = telegramText(5002, 42, 'again');
    const from = { id: 42, is_bot: false, first_name: 'Ana' };
    expect((await post({ ...anonymous, message: { ...anonymous.message, from, chat: { id: 42, type: 'private', first_name: 'Ana' } } })).status).toBe(200);
    await parley.deps.dispatch.idle();
    const rows = z.array(z.object({ name: z.string(), language: z.string(), firstSeenAt: z.string(), lastSeenAt: z.string() })).parse(contactRows());
    expect(rows).toHaveLength(1);
    expect(rows[0]?.name).toBe('Ana');
    expect(rows[0]?.language).toBe('pt-BR');
    expect(rows[0]?.firstSeenAt).toBe(first?.firstSeenAt);
    expect((rows[0]?.lastSeenAt ?? '') > (first?.lastSeenAt ?? '')).toBe(true);
    expect(sentTexts().at(-1)).toBe('Hello Ana [pt-BR] #42');
  });

  it('are kept per bot and channel; a customer without a profile reads as just their id', async () => {
    const { store } = parley.deps;
    const now = new Date('2025-01-01T10:00:00Z');
    expect(upsertContact(store, { botId: 'greeter', channel: 'viber', customer: { id: '42', name: '  ', language: 'uk' }, now })).toBe(true);
    expect(contactProfile(store, { botId: 'greeter', channel: 'viber', externalKey: '42' })).toEqual({ language: 'uk' });
    expect(contactProfile(store, { botId: 'greeter', channel: 'telegram', externalKey: '42' })).toEqual({});
    // A bot's contacts go with it.
    expect(upsertContact(store, { botId: 'ghost', channel: 'viber', customer: { id: '1' }, now })).toBe(false);
  });

  it('on a channel known to have none (the web widget) are read again once one is written there', () => {
    const { store } = parley.deps;
    const web = { botId: 'greeter', channel: 'web', externalKey: 'visitor-1' };
    expect(contactProfile(store, web)).toEqual({});
    expect(contactProfile(store, { ...web, externalKey: 'visitor-2' })).toEqual({});
    expect(upsertContact(store, { botId: 'greeter', channel: 'web', customer: { id: 'visitor-2', name: 'Bo' }, now: new Date() })).toBe(true);
    expect(contactProfile(store, { ...web, externalKey: 'visitor-2' })).toEqual({ name: 'Bo' });
    expect(contactProfile(store, web)).toEqual({});
  });
});
