import { describe, expect, it } from 'vitest';
import { hmacSha256 } from '../signing';
import type { RawRequest } from '../types';
import { viberConfig } from './config';
import { viberDelivered, viberFailed, viberLocation, viberPicture, viberSubscribed, viberText, viberWebhookCheck } from './fixtures';
import { parseViber } from './parse';
import { encodeTaps } from './tracking';
import { verifyViber } from './verify';

const config = viberConfig.parse({ authToken: '445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9', senderName: 'Petal & Pine' });
const request = (body: string, headers: Record<string, string> = {}): RawRequest => ({ method: 'POST', url: new URL('http://parley.test/webhooks/viber/shop'), headers: new Headers(headers), body: Buffer.from(body) });
const customer = { id: '01234567890A=', name: 'John McClane', language: 'en' };

describe('Viber callbacks', () => {
  it('verifies the hex HMAC-SHA256 of the raw body with the auth token', () => {
    const body = viberText('01234567890A=', '4912661846655238145', 'hi');
    const signature = hmacSha256(config.authToken, Buffer.from(body)).toString('hex');
    expect(verifyViber(request(body, { 'x-viber-content-signature': signature }), config)).toBe(true);
    expect(verifyViber(request(body.replace('"hi"', '"ho"'), { 'x-viber-content-signature': signature }), config)).toBe(false);
    expect(verifyViber(request(body), config)).toBe(false);
  });

  it('keeps the 64-bit message token exact, with the sender’s name and language', () => {
    const parsed = parseViber(request(viberText('01234567890A=', '4912661846655238145', 'hi')));
    expect(parsed).toEqual({ ok: true, value: [{ type: 'message', messageId: '4912661846655238145', customer, inbound: { kind: 'text', text: 'hi' } }] });
    const neighbour = parseViber(request(viberText('01234567890A=', '4912661846655238146', 'hi')));
    expect(neighbour.ok && neighbour.value[0]?.type === 'message' && neighbour.value[0].messageId).toBe('4912661846655238146');
  });

  it('tells a tapped button from typing through the tracking data sent with the buttons', () => {
    const tracking = encodeTaps({ Dry: { payload: 'dry', title: 'Dry' }, 'Buy: Glow': { payload: 'buy:G', title: 'Buy' } });
    const tapped = parseViber(request(viberText('01234567890A=', '1', 'Buy: Glow', tracking)));
    expect(tapped.ok && tapped.value[0]?.type === 'message' && tapped.value[0].inbound).toEqual({ kind: 'postback', payload: 'buy:G', title: 'Buy' });
    const typed = parseViber(request(viberText('01234567890A=', '2', 'something else', tracking)));
    expect(typed.ok && typed.value[0]?.type === 'message' && typed.value[0].inbound).toEqual({ kind: 'text', text: 'something else' });
    const foreign = parseViber(request(viberText('01234567890A=', '3', 'Dry', 'tracking data')));
    expect(foreign.ok && foreign.value[0]?.type === 'message' && foreign.value[0].inbound).toEqual({ kind: 'text', text: 'Dry' });
  });

  it('reads pictures and locations, records receipts and subscriptions, and ignores the webhook check', () => {
    const item = (body: string) => {
      const parsed = parseViber(request(body));
      return parsed.ok ? parsed.value : parsed.error;
    };
    expect(item(viberPicture('U=', '5'))).toMatchObject([{ inbound: { kind: 'attachment', attachmentType: 'image', url: 'https://dl-media.viber.com/5/media/2/short/any/sig/image/0x0/95e0/5ab.jpg', caption: 'my shade' } }]);
    expect(item(viberLocation('U=', '6'))).toMatchObject([{ inbound: { kind: 'attachment', attachmentType: 'location', url: 'geo:50.76891,6.11499' } }]);
    expect(item(viberDelivered('U=', '7'))).toEqual([{ type: 'event', name: 'delivered', customerId: 'U=', messageId: '7' }]);
    expect(item(viberFailed('U=', '8'))).toEqual([{ type: 'event', name: 'failed', customerId: 'U=', messageId: '8', data: { desc: 'failure description' } }]);
    expect(item(viberSubscribed('U=', '9'))).toEqual([{ type: 'event', name: 'subscribed', customerId: 'U=', messageId: '9' }]);
    expect(item(viberWebhookCheck('10'))).toEqual([]);
  });
});
