import { describe, expect, it } from 'vitest';
import { hmacSha256 } from '../signing';
import type { RawRequest } from '../types';
import { metaBatch, metaDelivery, metaEcho, metaImage, metaPostback, metaQuickReply, metaRead, metaText } from './fixtures';
import { parseMessaging } from './messaging';
import { metaHandshake, verifyMetaSignature } from './signature';

const SECRETS = { appSecret: 'e2d4c6a8b0f1e3d5c7a9b1d3f5e7a9c1', verifyToken: 'petal-verify-2025' };

const request = (body: unknown, headers: Record<string, string> = {}, url = 'http://parley.test/webhooks/messenger/shop'): RawRequest => ({
  method: 'POST',
  url: new URL(url),
  headers: new Headers(headers),
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});

describe('Meta messaging webhooks', () => {
  it('verifies X-Hub-Signature-256 over the raw bytes only', () => {
    const body = JSON.stringify(metaBatch('page', metaText('page', '1254459154682919', 'm_1', 'héllo')));
    const signature = `sha256=${hmacSha256(SECRETS.appSecret, Buffer.from(body)).toString('hex')}`;
    expect(verifyMetaSignature(request(body, { 'x-hub-signature-256': signature }), SECRETS)).toBe(true);
    // The same JSON re-encoded differently is not what was signed.
    expect(verifyMetaSignature(request(JSON.stringify(JSON.parse(body), null, 1), { 'x-hub-signature-256': signature }), SECRETS)).toBe(false);
    expect(verifyMetaSignature(request(body, { 'x-hub-signature-256': signature.replace('sha256=', 'sha1=') }), SECRETS)).toBe(false);
    expect(verifyMetaSignature(request(body), SECRETS)).toBe(false);
  });

  it('answers the subscription handshake with the challenge only for the right verify token', () => {
    const at = (query: string) => request('', {}, `http://parley.test/webhooks/messenger/shop?${query}`);
    expect(metaHandshake(at('hub.mode=subscribe&hub.verify_token=petal-verify-2025&hub.challenge=1158201444'), SECRETS)).toBe('1158201444');
    expect(metaHandshake(at('hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444'), SECRETS)).toBeUndefined();
    expect(metaHandshake(at('hub.mode=unsubscribe&hub.verify_token=petal-verify-2025&hub.challenge=1'), SECRETS)).toBeUndefined();
  });

  it('reads a batch in order: text, quick reply, postback, image; skips echoes; records delivery and read', () => {
    const parsed = parseMessaging(
      request(
        metaBatch(
          'page',
          metaText('page', 'PSID1', 'm_text', 'hi'),
          metaQuickReply('page', 'PSID1', 'm_qr', 'Dry', 'dry'),
          metaPostback('page', 'PSID1', 'm_pb', 'Buy', 'buy:PP-F01'),
          metaImage('page', 'PSID1', 'm_img'),
          metaEcho('page', 'PSID1', 'm_echo'),
          metaDelivery('page', 'PSID1', ['m_out_1']),
          metaRead('page', 'PSID1'),
        ),
      ),
      'page',
      'Messenger',
    );
    expect(parsed).toEqual({
      ok: true,
      value: [
        { type: 'message', messageId: 'm_text', customer: { id: 'PSID1' }, inbound: { kind: 'text', text: 'hi' } },
        { type: 'message', messageId: 'm_qr', customer: { id: 'PSID1' }, inbound: { kind: 'postback', payload: 'dry', title: 'Dry' } },
        { type: 'message', messageId: 'm_pb', customer: { id: 'PSID1' }, inbound: { kind: 'postback', payload: 'buy:PP-F01', title: 'Buy' } },
        { type: 'message', messageId: 'm_img', customer: { id: 'PSID1' }, inbound: { kind: 'attachment', attachmentType: 'image', url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/photo.jpg' } },
        { type: 'event', name: 'delivered', customerId: 'PSID1', data: { mids: ['m_out_1'], watermark: 1735689605000 } },
        { type: 'event', name: 'read', customerId: 'PSID1', data: { watermark: 1735689606000 } },
      ],
    });
  });

  it('reads Instagram batches with the same events, and nothing from another product', () => {
    const ig = parseMessaging(request(metaBatch('instagram', metaText('instagram', 'IGSID9', 'aWdfZAG1', 'oi'))), 'instagram', 'Instagram');
    expect(ig.ok && ig.value).toEqual([{ type: 'message', messageId: 'aWdfZAG1', customer: { id: 'IGSID9' }, inbound: { kind: 'text', text: 'oi' } }]);
    expect(parseMessaging(request(metaBatch('page', metaText('page', 'P', 'm', 'x'))), 'instagram', 'Instagram')).toEqual({ ok: true, value: [] });
  });

  it('refuses a body without entries with a 400 naming the field', () => {
    const parsed = parseMessaging(request({ object: 'page' }), 'page', 'Messenger');
    expect(!parsed.ok && parsed.error).toMatchObject({ status: 400, field: 'entry' });
  });
});
