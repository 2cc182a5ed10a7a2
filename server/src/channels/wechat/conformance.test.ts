import { z } from 'zod';
import { sha1Hex } from '../signing';
import { type Output, type Payload, type Seen, type Signing, describeConformance } from '../testing/conformance';
import type { RecordedCall } from '../testing/stand-in';
import { decryptMessage, encryptMessage, messageSignature } from './crypto';
import { WECHAT_ACCOUNT, wechatText } from './fixtures';
import { WECHAT_LIMITS } from './render';
import { readXml, writeXml } from './xml';

const APP_ID = 'wxb11529c136998cb6';
const APP_SECRET = '4f0c1e9d8b7a65432f10e9d8c7b6a5f4';
const TOKEN = 'petalpine2025';
const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';

// The customer-service API as the stand-in plays it: an access token first, then text messages within 2048 bytes.
const ACCESS_TOKEN = 'ACCESS_TOKEN_81_a9f3';
const customSend = z
  .object({ touser: z.string().min(1), msgtype: z.literal('text'), text: z.object({ content: z.string().min(1).refine((c) => Buffer.byteLength(c) <= WECHAT_LIMITS.textBytes, 'content is at most 2048 bytes') }).strict() })
  .strict();
function platform(call: RecordedCall) {
  if (call.path === '/cgi-bin/token') {
    const ok = call.query.get('grant_type') === 'client_credential' && call.query.get('appid') === APP_ID && call.query.get('secret') === APP_SECRET;
    return { json: ok ? { access_token: ACCESS_TOKEN, expires_in: 7200 } : { errcode: 40125, errmsg: 'invalid appsecret' } };
  }
  if (call.path !== '/cgi-bin/message/custom/send') return { status: 404, text: 'not found' };
  if (call.query.get('access_token') !== ACCESS_TOKEN) return { json: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' } };
  const checked = customSend.safeParse(call.json);
  if (!checked.success) return { status: 400, json: { errcode: 44002, errmsg: `${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}` } };
  return { json: { errcode: 0, errmsg: 'ok' } };
}

/** The user-info API: since 2021 an empty nickname. */
function profile(call: RecordedCall) {
  if (call.path !== '/cgi-bin/user/info') return undefined;
  if (call.query.get('access_token') !== ACCESS_TOKEN) return { json: { errcode: 40001, errmsg: 'invalid credential' } };
  return { json: { subscribe: 1, openid: call.query.get('openid'), nickname: '', sex: 0, language: '', city: '', province: '', country: '', headimgurl: '' } };
}

const openIdOf = (customer: string) => `o${Buffer.from(customer).toString('base64url').padEnd(27, 'x').slice(0, 27)}`;
const msgId = (seq: number) => `60547685900647${String(seq).padStart(5, '0')}`;

/** What the customer reads: the passive answers (decrypted) and customer-service texts. */
function view(outputs: readonly Output[]): Seen {
  const seen: Seen = { texts: [], choices: [], links: [] };
  const show = (text: string) => {
    seen.texts.push(text);
    seen.links.push(...(text.match(/https?:\/\/\S+/g) ?? []));
    // Options and cards are numbered: typing the number picks one.
    for (const [, number, label] of text.matchAll(/^(\d{1,2})\. (.+)$/gm))
      if (number !== undefined && label !== undefined) seen.choices.push({ label, tap: (customer, seq) => ({ body: wechatText(openIdOf(customer), msgId(seq), number) }) });
  };
  for (const output of outputs) {
    if (output.kind === 'answer') {
      const envelope = readXml(output.body);
      if (!envelope?.Encrypt) continue;
      const content = readXml(decryptMessage(AES_KEY, APP_ID, envelope.Encrypt) ?? '')?.Content;
      if (content) show(content);
    } else if (output.call.path === '/cgi-bin/message/custom/send') {
      const parsed = customSend.safeParse(output.call.json);
      if (parsed.success) show(parsed.data.text.content);
    }
  }
  return seen;
}

/** A passive reply WeChat takes: "success", or the encrypted envelope of one text message within 2048 bytes. */
function checkAnswer(body: string): string | undefined {
  if (body === 'success') return undefined;
  const envelope = readXml(body);
  if (!envelope?.Encrypt || !envelope.MsgSignature || !envelope.TimeStamp || envelope.Nonce === undefined) return 'not an encrypted reply envelope';
  if (envelope.MsgSignature !== messageSignature(TOKEN, envelope.TimeStamp, envelope.Nonce, envelope.Encrypt)) return 'MsgSignature does not match';
  const reply = readXml(decryptMessage(AES_KEY, APP_ID, envelope.Encrypt) ?? '');
  if (!reply || reply.MsgType !== 'text' || !reply.ToUserName || reply.FromUserName !== WECHAT_ACCOUNT) return 'the decrypted reply is not a text message to the customer';
  return Buffer.byteLength(reply.Content ?? '') <= WECHAT_LIMITS.textBytes ? undefined : 'Content is over 2048 bytes';
}

/** Safe mode: the message is encrypted and msg_signature covers the ciphertext. */
function sign(payload: Payload, signing: Signing): Payload {
  const timestamp = '1735689600';
  const nonce = '1320562132';
  const encrypt = encryptMessage(AES_KEY, APP_ID, payload.body);
  const body = writeXml({ ToUserName: WECHAT_ACCOUNT, Encrypt: encrypt });
  const token = signing === 'wrong' ? 'someoneelse' : TOKEN;
  const query: Record<string, string> = { timestamp, nonce, encrypt_type: 'aes' };
  if (signing !== 'none') {
    query.signature = sha1Hex([token, timestamp, nonce].sort().join(''));
    query.msg_signature = messageSignature(token, timestamp, nonce, encrypt);
  }
  return { body, query, headers: { 'content-type': 'text/xml' } };
}

describeConformance({
  channel: 'wechat',
  connection: { appId: APP_ID, appSecret: APP_SECRET, token: TOKEN, encodingAesKey: AES_KEY },
  apiEnv: ['PARLEY_WECHAT_API_URL'],
  bodySigned: true,
  answersWebhook: true,
  checkAnswer,
  sign,
  alter: (body) => body.replace(/<Encrypt><!\[CDATA\[(.)/, (_, c: string) => `<Encrypt><![CDATA[${c === 'Q' ? 'R' : 'Q'}`),
  platform,
  profile,
  text: (customer, text, seq) => ({ body: wechatText(openIdOf(customer), msgId(seq), text) }),
  handshake: {
    valid: { signature: sha1Hex([TOKEN, '1735689600', 'n0nce'].sort().join('')), timestamp: '1735689600', nonce: 'n0nce', echostr: '5837397520765637171' },
    wrong: { signature: sha1Hex(['guess', '1735689600', 'n0nce'].sort().join('')), timestamp: '1735689600', nonce: 'n0nce', echostr: '5837397520765637171' },
    answer: '5837397520765637171',
  },
  view,
});
