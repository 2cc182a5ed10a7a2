import { describe, expect, it } from 'vitest';
import { hmacSha256 } from '../signing';
import type { RawRequest } from '../types';
import { lineConfig } from './config';
import { lineBatch, lineFollow, lineGroupText, lineImage, linePostback, lineSticker, lineText } from './fixtures';
import { parseLine } from './parse';
import { verifyLine } from './verify';

const config = lineConfig.parse({ channelSecret: '8c570fa6dd201bb328f1c1eac23a96d8', channelAccessToken: 'Bearer-token-for-tests-0123456789' });
const request = (body: unknown, headers: Record<string, string> = {}): RawRequest => ({
  method: 'POST',
  url: new URL('http://parley.test/webhooks/line/shop'),
  headers: new Headers(headers),
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});

describe('LINE webhooks', () => {
  it('verifies the base64 HMAC-SHA256 of the raw body', () => {
    const body = JSON.stringify(lineBatch(lineText('U1', '01FZ74A0TDDPYRVKNK77XKC3ZR', 'こんにちは')));
    const signature = hmacSha256(config.channelSecret, Buffer.from(body)).toString('base64');
    expect(verifyLine(request(body, { 'x-line-signature': signature }), config)).toBe(true);
    expect(verifyLine(request(body.replace('こんにちは', 'こんばんは'), { 'x-line-signature': signature }), config)).toBe(false);
    expect(verifyLine(request(body, { 'x-line-signature': hmacSha256(config.channelSecret, Buffer.from(body)).toString('hex') }), config)).toBe(false);
    expect(verifyLine(request(body), config)).toBe(false);
  });

  it('reads events in order with their webhookEventId and reply token', () => {
    const parsed = parseLine(request(lineBatch(lineText('U1', 'E1', 'hi'), linePostback('U1', 'E2', 'buy:PP-F01'), lineImage('U1', 'E3'), lineSticker('U1', 'E4'), lineFollow('U2', 'E5'))));
    expect(parsed).toEqual({
      ok: true,
      value: [
        { type: 'message', messageId: 'E1', customer: { id: 'U1' }, inbound: { kind: 'text', text: 'hi' }, context: { replyToken: 'rtE1' } },
        { type: 'message', messageId: 'E2', customer: { id: 'U1' }, inbound: { kind: 'postback', payload: 'buy:PP-F01' }, context: { replyToken: 'rtE2' } },
        { type: 'message', messageId: 'E3', customer: { id: 'U1' }, inbound: { kind: 'attachment', attachmentType: 'image', url: 'line-content:354718705033693859' }, context: { replyToken: 'rtE3' } },
        { type: 'message', messageId: 'E4', customer: { id: 'U1' }, inbound: { kind: 'attachment', attachmentType: 'sticker', url: 'line-sticker:11537/52002738' }, context: { replyToken: 'rtE4' } },
        { type: 'event', name: 'follow', customerId: 'U2', messageId: 'E5' },
      ],
    });
  });

  it('makes a group one conversation, and carries nothing in the URL-check batch', () => {
    const group = parseLine(request(lineBatch(lineGroupText('Ca56f94637c', 'U3', 'E6', 'hello all'))));
    expect(group.ok && group.value[0]).toMatchObject({ customer: { id: 'Ca56f94637c' } });
    expect(parseLine(request(lineBatch()))).toEqual({ ok: true, value: [] });
    expect(parseLine(request({ events: [] })).ok).toBe(false);
  });
});
