import { describe, expect, it } from 'vitest';
import { sha1Hex } from '../signing';
import type { RawRequest } from '../types';
import { answerWechat } from './answer';
import { wechatConfig } from './config';
import { decryptMessage, encryptMessage, messageSignature } from './crypto';
import { WECHAT_ACCOUNT, wechatImage, wechatLocation, wechatMenuClick, wechatSubscribe, wechatText, wechatVoice } from './fixtures';
import { parseWechat } from './parse';
import { verifyWechat, wechatHandshake } from './verify';
import { readXml, writeXml } from './xml';

const plain = wechatConfig.parse({ appId: 'wxb11529c136998cb6', appSecret: '0123456789abcdef0123456789abcdef', token: 'pamtest' });
const safe = wechatConfig.parse({ ...plain, encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' });
const OPENID = 'oia2TjjewbmiOUlr6X-1crbLOvLw';

const request = (body: string, query: Record<string, string>): RawRequest => ({
  method: 'POST',
  url: new URL(`http://parley.test/webhooks/wechat/shop?${new URLSearchParams(query)}`),
  headers: new Headers({ 'content-type': 'text/xml' }),
  body: Buffer.from(body),
});
const signed = (timestamp = '1409304348', nonce = 'xxxxxx') => ({ signature: sha1Hex(['pamtest', timestamp, nonce].sort().join('')), timestamp, nonce });

function encrypted(xml: string) {
  const encrypt = encryptMessage(safe.encodingAesKey ?? '', safe.appId, xml);
  const query = { ...signed(), encrypt_type: 'aes', msg_signature: messageSignature('pamtest', '1409304348', 'xxxxxx', encrypt) };
  return request(writeXml({ ToUserName: WECHAT_ACCOUNT, Encrypt: encrypt }), query);
}

describe('WeChat verify', () => {
  it('checks the plain signature over token, timestamp and nonce, and echoes the handshake', () => {
    expect(verifyWechat(request(wechatText(OPENID, '1', 'hi'), signed()), plain)).toBe(true);
    expect(verifyWechat(request(wechatText(OPENID, '1', 'hi'), { ...signed(), nonce: 'other' }), plain)).toBe(false);
    expect(verifyWechat(request(wechatText(OPENID, '1', 'hi'), {}), plain)).toBe(false);
    expect(wechatHandshake(request('', { ...signed(), echostr: '5837397520765637171' }), plain)).toBe('5837397520765637171');
    expect(wechatHandshake(request('', { ...signed(), signature: 'x', echostr: '1' }), plain)).toBeUndefined();
  });

  it('in safe mode requires the encrypted body and a msg_signature that covers it', () => {
    const good = encrypted(wechatText(OPENID, '1', 'hi'));
    expect(verifyWechat(good, safe)).toBe(true);
    expect(verifyWechat(request(wechatText(OPENID, '1', 'hi'), signed()), safe)).toBe(false);
    const body = Buffer.from(good.body).toString('utf8');
    const altered = { ...good, body: Buffer.from(body.replace(/<Encrypt><!\[CDATA\[(.)/, (_, c: string) => `<Encrypt><![CDATA[${c === 'A' ? 'B' : 'A'}`)) };
    expect(verifyWechat(altered, safe)).toBe(false);
  });
});

describe('WeChat parse', () => {
  const only = (req: RawRequest, config = plain) => {
    const parsed = parseWechat(req, config);
    return parsed.ok ? parsed.value[0] : parsed.error;
  };

  it('reads text with its MsgId, the account for the reply, and decrypts safe-mode messages', () => {
    const expected = { type: 'message', messageId: '6054768590064713728', customer: { id: OPENID }, inbound: { kind: 'text', text: '你好' }, context: { account: WECHAT_ACCOUNT } };
    expect(only(request(wechatText(OPENID, '6054768590064713728', '你好'), signed()))).toEqual(expected);
    expect(only(encrypted(wechatText(OPENID, '6054768590064713728', '你好')), safe)).toEqual(expected);
  });

  it('reads images, voice with its recognition, locations; a menu click is a postback; subscribe is recorded', () => {
    expect(only(request(wechatImage(OPENID, '2'), signed()))).toMatchObject({ inbound: { kind: 'attachment', attachmentType: 'image', url: 'http://mmbiz.qpic.cn/mmbiz_jpg/abc/0' } });
    expect(only(request(wechatVoice(OPENID, '3'), signed()))).toMatchObject({ inbound: { kind: 'attachment', attachmentType: 'audio', url: 'wechat-media:media_voice_9', caption: '我要买粉底' } });
    expect(only(request(wechatLocation(OPENID, '4'), signed()))).toMatchObject({ inbound: { kind: 'attachment', attachmentType: 'location', url: 'geo:23.134521,113.358803', name: '位置信息' } });
    expect(only(request(wechatMenuClick(OPENID, 1735689700, 'MENU_SHADES'), signed()))).toMatchObject({ messageId: `${OPENID}:1735689700`, inbound: { kind: 'postback', payload: 'MENU_SHADES' } });
    expect(only(request(wechatSubscribe(OPENID, 1735689800), signed()))).toEqual({ type: 'event', name: 'subscribe', customerId: OPENID, messageId: `${OPENID}:1735689800` });
  });

  it('refuses what is not WeChat XML with a 400', () => {
    expect(only(request('{"MsgType":"text"}', signed()))).toMatchObject({ status: 400, code: 'invalid_xml' });
  });
});

describe('WeChat passive reply', () => {
  const message = { type: 'message' as const, messageId: '1', customer: { id: OPENID }, inbound: { kind: 'text' as const, text: 'hi' }, context: { account: WECHAT_ACCOUNT } };

  it('answers with one text message, options numbered, within 2048 bytes; the rest comes later', () => {
    const answer = answerWechat(request('', signed()), plain, message, [
      { type: 'buttons', text: '你的肤质？', buttons: [{ title: '干性', payload: 'dry' }, { title: '油性', payload: 'oily' }] },
      { type: 'text', text: '长'.repeat(1000) },
    ]);
    const fields = readXml(answer.body);
    expect(fields).toMatchObject({ ToUserName: OPENID, FromUserName: WECHAT_ACCOUNT, MsgType: 'text' });
    expect(fields?.Content).toContain('你的肤质？\n\n1. 干性\n2. 油性');
    expect(Buffer.byteLength(fields?.Content ?? '')).toBeLessThanOrEqual(2048);
    expect(answer.later.length).toBeGreaterThan(0);
  });

  it('encrypts the answer in safe mode, signed so WeChat can check it', () => {
    const answer = answerWechat(encrypted(wechatText(OPENID, '1', 'hi')), safe, message, [{ type: 'text', text: 'Hello' }]);
    const envelope = readXml(answer.body);
    expect(envelope?.MsgSignature).toBe(messageSignature('pamtest', envelope?.TimeStamp ?? '', envelope?.Nonce ?? '', envelope?.Encrypt ?? ''));
    expect(readXml(decryptMessage(safe.encodingAesKey ?? '', safe.appId, envelope?.Encrypt ?? '') ?? '')?.Content).toBe('Hello');
  });

  it('answers "success" when there is nothing to say', () => {
    expect(answerWechat(request('', signed()), plain, undefined, []).body).toBe('success');
  });
});
