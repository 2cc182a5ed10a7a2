import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBot, publishBot } from '../bots/service';
import { type TestParley, testParley } from '../testing';
import { lineBatch, lineText } from './line/fixtures';
import { META_ACCESS_TOKEN, META_APP_SECRET, META_VERIFY_TOKEN } from './meta/conformance-spec';
import { metaBatch, metaText } from './meta/fixtures';
import { hmacSha256, sha1Hex } from './signing';
import { type PlatformAnswer, type RecordedCall, type StandIn, startStandIn } from './testing/stand-in';
import { wechatText } from './wechat/fixtures';

const LINE = { channelSecret: 'a3f1c9e27b6d4f80a3f1c9e27b6d4f80', channelAccessToken: 'line-channel-access-token-0123456789abcdef' };
const WECHAT = { appId: 'wxb11529c136998cb6', appSecret: '4f0c1e9d8b7a65432f10e9d8c7b6a5f4', token: 'petalpine2025' };
const flow = {
  schemaVersion: 1,
  id: 'greeter',
  name: 'Greeter',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'hello', type: 'message', position: { x: 250, y: 0 }, data: { text: 'Hello {{contact.name | friend}} [{{contact.language | ?}}]' } },
  ],
  edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' }],
};

/** The profile APIs as documented; `hold` keeps a profile's answer back until released. */
let hold: Promise<void> | undefined;
let localeAllowed = true;
function platform(call: RecordedCall): PlatformAnswer | Promise<PlatformAnswer> {
  const answer = (body: PlatformAnswer) => (hold ? hold.then(() => body) : body);
  if (call.method === 'GET' && /^\/\d+$/.test(call.path)) {
    const fields = call.query.get('fields') ?? '';
    if (call.headers.authorization !== `Bearer ${META_ACCESS_TOKEN}`) return { status: 401, json: { error: { message: 'Invalid OAuth access token.', code: 190 } } };
    if (fields.includes('locale') && !localeAllowed) return { status: 400, json: { error: { message: '(#100) Tried accessing nonexisting field (locale)', code: 100 } } };
    if (fields === 'name,username') return answer({ json: { name: 'Rui Costa', username: 'ruicosta', id: call.path.slice(1) } });
    return answer({ json: { first_name: 'Ana', last_name: 'Silva', ...(fields.includes('locale') ? { locale: 'pt_BR' } : {}), id: call.path.slice(1) } });
  }
  if (call.method === 'GET' && call.path.startsWith('/v2/bot/profile/'))
    return answer({ json: { displayName: 'Kenji', userId: call.path.split('/').at(-1), language: 'ja', pictureUrl: 'https://profile.line-scdn.net/abc' } });
  if (call.path === '/cgi-bin/token') return { json: { access_token: 'ACCESS_TOKEN_w', expires_in: 7200 } };
  // Since 2021: no nickname, no language.
  if (call.path === '/cgi-bin/user/info') return answer({ json: { subscribe: 1, openid: call.query.get('openid'), nickname: '', sex: 0, language: '', city: '', headimgurl: '' } });
  return { json: {} };
}

let standIn: StandIn;
let parley: TestParley;
beforeAll(async () => {
  standIn = await startStandIn(platform);
});
afterAll(() => standIn.close());
beforeEach(() => {
  hold = undefined;
  localeAllowed = true;
  parley = testParley({}, { PARLEY_META_API_URL: standIn.url, PARLEY_LINE_API_URL: standIn.url, PARLEY_WECHAT_API_URL: standIn.url, PARLEY_LOG: 'silent' });
  expect(createBot(parley.deps, { id: 'greeter', name: 'Greeter', flow }).ok).toBe(true);
  expect(publishBot(parley.deps, 'greeter', {}).ok).toBe(true);
  standIn.calls.length = 0;
});
afterEach(() => parley.close());

const connect = async (channel: string, config: object) => expect((await parley.request('PUT', `/api/bots/greeter/channels/${channel}`, config)).status).toBe(200);
const metaPost = (object: 'page' | 'instagram', customer: string, mid: string) => {
  const body = JSON.stringify(metaBatch(object, metaText(object, customer, mid, 'hi')));
  return parley.app.request(`/webhooks/${object === 'page' ? 'messenger' : 'instagram'}/greeter`, { method: 'POST', headers: { 'x-hub-signature-256': `sha256=${hmacSha256(META_APP_SECRET, Buffer.from(body)).toString('hex')}` }, body });
};
const contact = (channel: string, id: string) => parley.deps.store.sqlite.prepare('select name, language from contacts where channel = ? and platform_id = ?').get(channel, id);
async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}
const sent = () => standIn.calls.filter((call) => call.method === 'POST').map((call) => z.object({ message: z.object({ text: z.string() }) }).parse(call.json).message.text);
const lookups = (path: RegExp) => standIn.calls.filter((call) => call.method === 'GET' && path.test(call.path));

describe('profile lookups', () => {
  it('Messenger: the name and locale come from the User Profile API once, without holding the webhook', async () => {
    await connect('messenger', { appSecret: META_APP_SECRET, verifyToken: META_VERIFY_TOKEN, pageAccessToken: META_ACCESS_TOKEN });
    let release = () => {};
    hold = new Promise((resolve) => (release = resolve));
    // Answered while the profile API has not answered yet.
    expect((await metaPost('page', '6683948312', 'm_1')).status).toBe(200);
    await until(() => lookups(/^\/6683948312$/).length === 1);
    expect(contact('messenger', '6683948312')).toEqual({ name: null, language: null });
    release();
    await until(() => z.object({ name: z.string().nullable() }).parse(contact('messenger', '6683948312')).name !== null);
    expect(contact('messenger', '6683948312')).toEqual({ name: 'Ana Silva', language: 'pt-BR' });

    expect((await metaPost('page', '6683948312', 'm_2')).status).toBe(200);
    await parley.deps.dispatch.idle();
    expect(sent()).toEqual(['Hello friend [?]', 'Hello Ana Silva [pt-BR]']);
    expect(lookups(/^\/6683948312$/)).toHaveLength(1);
  });

  it('Messenger: without the locale permission, the names alone', async () => {
    localeAllowed = false;
    await connect('messenger', { appSecret: META_APP_SECRET, verifyToken: META_VERIFY_TOKEN, pageAccessToken: META_ACCESS_TOKEN });
    await metaPost('page', '6683948313', 'm_3');
    await until(() => z.object({ name: z.string().nullable() }).parse(contact('messenger', '6683948313')).name !== null);
    expect(contact('messenger', '6683948313')).toEqual({ name: 'Ana Silva', language: null });
    expect(lookups(/^\/6683948313$/).map((call) => call.query.get('fields'))).toEqual(['first_name,last_name,locale', 'first_name,last_name']);
  });

  it('Instagram: the name from the user profile', async () => {
    await connect('instagram', { appSecret: META_APP_SECRET, verifyToken: META_VERIFY_TOKEN, accessToken: META_ACCESS_TOKEN });
    await metaPost('instagram', '17841400000000001', 'm_ig');
    await until(() => z.object({ name: z.string().nullable() }).parse(contact('instagram', '17841400000000001')).name !== null);
    expect(contact('instagram', '17841400000000001')).toEqual({ name: 'Rui Costa', language: null });
    expect(lookups(/^\/17841400000000001$/)[0]?.query.get('fields')).toBe('name,username');
  });

  it('LINE: displayName and language from the profile API', async () => {
    await connect('line', LINE);
    const body = JSON.stringify(lineBatch(lineText('U4af4980629a1b2c3d4e5f60718293a4b', '01HQZ0000000000000000000A1', 'hi')));
    const response = await parley.app.request('/webhooks/line/greeter', { method: 'POST', headers: { 'x-line-signature': hmacSha256(LINE.channelSecret, Buffer.from(body)).toString('base64') }, body });
    expect(response.status).toBe(200);
    await until(() => z.object({ name: z.string().nullable() }).parse(contact('line', 'U4af4980629a1b2c3d4e5f60718293a4b')).name !== null);
    expect(contact('line', 'U4af4980629a1b2c3d4e5f60718293a4b')).toEqual({ name: 'Kenji', language: 'ja' });
    expect(lookups(/^\/v2\/bot\/profile\//)[0]?.headers.authorization).toBe(`Bearer ${LINE.channelAccessToken}`);
  });

  it("WeChat: an empty nickname leaves the contact nameless, and is not asked for again", async () => {
    await connect('wechat', WECHAT);
    const query = `?timestamp=1735689600&nonce=n0nce&signature=${sha1Hex([WECHAT.token, '1735689600', 'n0nce'].sort().join(''))}`;
    const post = (msgId: string) => parley.app.request(`/webhooks/wechat/greeter${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: wechatText('oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', msgId, 'hi') });
    expect((await post('23637352235060880')).status).toBe(200);
    await until(() => lookups(/^\/cgi-bin\/user\/info$/).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await post('23637352235060881');
    expect(await second.text()).toContain('Hello friend [?]');
    expect(contact('wechat', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o')).toEqual({ name: null, language: null });
    const [info] = lookups(/^\/cgi-bin\/user\/info$/);
    expect(lookups(/^\/cgi-bin\/user\/info$/)).toHaveLength(1);
    expect(info?.query.get('openid')).toBe('oUpF8uMuAJO_M2pxb1Q9zNjWeS6o');
    expect(info?.query.get('access_token')).toBe('ACCESS_TOKEN_w');
  });
});
