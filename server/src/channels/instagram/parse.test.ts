import { describe, expect, it } from 'vitest';
import { metaBatch, metaPostback } from '../meta/fixtures';
import type { RawRequest } from '../types';
import { parseInstagram } from './parse';

const request = (body: unknown): RawRequest => ({ method: 'POST', url: new URL('http://parley.test/webhooks/instagram/shop'), headers: new Headers(), body: Buffer.from(JSON.stringify(body)) });
const around = { sender: { id: '6120453781398921' }, recipient: { id: '17841405793187218' }, timestamp: 1735689600000 };

describe('Instagram parse', () => {
  it('reads a story mention as a file link, a postback, and records an unsent message without running it', () => {
    const parsed = parseInstagram(
      request(
        metaBatch(
          'instagram',
          { ...around, message: { mid: 'aWdf1', attachments: [{ type: 'story_mention', payload: { url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1790' } }] } },
          metaPostback('instagram', '6120453781398921', 'aWdf2', 'Buy', 'buy:PP-F02'),
          { ...around, message: { mid: 'aWdf3', is_deleted: true } },
        ),
      ),
    );
    expect(parsed.ok && parsed.value).toEqual([
      { type: 'message', messageId: 'aWdf1', customer: { id: '6120453781398921' }, inbound: { kind: 'attachment', attachmentType: 'file', url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1790' } },
      { type: 'message', messageId: 'aWdf2', customer: { id: '6120453781398921' }, inbound: { kind: 'postback', payload: 'buy:PP-F02', title: 'Buy' } },
      { type: 'event', name: 'message_deleted', customerId: '6120453781398921', messageId: 'aWdf3' },
    ]);
  });
});
