import { describe, expect, it } from 'vitest';
import type { RawRequest } from '../types';
import { whatsappConfig } from './config';
import { WA_PHONE_NUMBER_ID, waBatch, waButtonReply, waImage, waListReply, waLocation, waReaction, waStatus, waText } from './fixtures';
import { parseWhatsapp } from './parse';

const config = whatsappConfig.parse({ phoneNumberId: WA_PHONE_NUMBER_ID, appSecret: 'e2d4c6a8b0f1e3d5c7a9b1d3f5e7a9c1', verifyToken: 'petal-verify', accessToken: 'EAAGm0PX4ZCpsBAtoken0123456789' });
const request = (body: unknown): RawRequest => ({ method: 'POST', url: new URL('http://parley.test/webhooks/whatsapp/shop'), headers: new Headers(), body: Buffer.from(JSON.stringify(body)) });
const customer = { id: '16315551181', name: 'Sheena Nelson' };

describe('WhatsApp parse', () => {
  it('reads text, button and list replies with the wamid and the profile name', () => {
    const items = [waText('16315551181', 'wamid.A', 'hi'), waButtonReply('16315551181', 'wamid.B', 'dry', 'Dry'), waListReply('16315551181', 'wamid.C', 'normal', 'Normal')].map((value) => {
      const parsed = parseWhatsapp(request(waBatch(value)), config);
      return parsed.ok ? parsed.value[0] : parsed.error;
    });
    expect(items).toEqual([
      { type: 'message', messageId: 'wamid.A', customer, inbound: { kind: 'text', text: 'hi' } },
      { type: 'message', messageId: 'wamid.B', customer, inbound: { kind: 'postback', payload: 'dry', title: 'Dry' } },
      { type: 'message', messageId: 'wamid.C', customer, inbound: { kind: 'postback', payload: 'normal', title: 'Normal' } },
    ]);
  });

  it('reads media by id, locations as geo URIs, and records reactions and statuses without running them', () => {
    const read = (value: object) => {
      const parsed = parseWhatsapp(request(waBatch(value)), config);
      return parsed.ok ? parsed.value : [];
    };
    expect(read(waImage('16315551181', 'wamid.D'))[0]).toMatchObject({ inbound: { kind: 'attachment', attachmentType: 'image', url: 'whatsapp-media:1003383421387256', caption: 'this one?' } });
    expect(read(waLocation('16315551181', 'wamid.E'))[0]).toMatchObject({ inbound: { kind: 'attachment', attachmentType: 'location', url: 'geo:37.483307,-122.148981', name: 'Pablo Morales' } });
    expect(read(waReaction('16315551181', 'wamid.F'))).toEqual([{ type: 'event', name: 'unsupported_message', customerId: '16315551181', messageId: 'wamid.F', data: { type: 'reaction' } }]);
    expect(read(waStatus('16315551181', 'wamid.out1', 'read'))).toEqual([{ type: 'event', name: 'read', customerId: '16315551181', messageId: 'wamid.out1' }]);
    expect(read(waStatus('16315551181', 'wamid.out2', 'failed'))[0]).toMatchObject({ name: 'failed', data: { errors: [{ code: 131047, title: 'Re-engagement message' }] } });
  });

  it("ignores another number's messages, and names the broken field of a change", () => {
    expect(parseWhatsapp(request(waBatch(waText('1', 'wamid.G', 'hi'), '999999')), config)).toEqual({ ok: true, value: [] });
    const broken = parseWhatsapp(request({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp' } }] }] }), config);
    expect(!broken.ok && broken.error).toMatchObject({ status: 400, field: 'entry.0.changes.0.value.metadata' });
  });
});
