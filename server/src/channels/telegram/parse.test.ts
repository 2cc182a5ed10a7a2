import { describe, expect, it } from 'vitest';
import type { RawRequest } from '../types';
import { telegramCallback, telegramEdited, telegramLocation, telegramPhoto, telegramText } from './fixtures';
import { parseTelegram } from './parse';

const request = (body: unknown): RawRequest => ({
  method: 'POST',
  url: new URL('http://parley.test/webhooks/telegram/shop'),
  headers: new Headers({ 'content-type': 'application/json' }),
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});

describe('Telegram parse', () => {
  it('reads a text message with the customer, their name and language, and the update id', () => {
    const parsed = parseTelegram(request(telegramText(10001, 111222333, 'hello')));
    expect(parsed).toEqual({
      ok: true,
      value: [{ type: 'message', messageId: '10001', customer: { id: '111222333', name: 'Ana Silva', language: 'pt-BR' }, inbound: { kind: 'text', text: 'hello' } }],
    });
  });

  it('reads a tapped inline button as a postback with the title shown, keeping the query id to answer', () => {
    const parsed = parseTelegram(request(telegramCallback(10002, 111222333, 'dry', [[{ text: 'Dry', callback_data: 'dry' }], [{ text: 'Oily', callback_data: 'oily' }]])));
    expect(parsed.ok && parsed.value[0]).toEqual({
      type: 'message',
      messageId: '10002',
      customer: { id: '111222333', name: 'Ana Silva', language: 'pt-BR' },
      inbound: { kind: 'postback', payload: 'dry', title: 'Dry' },
      context: { callbackQueryId: '4382bfdwdsb323b2d910002' },
    });
  });

  it('reads the largest photo size, its caption, and a location as a geo URI', () => {
    const photo = parseTelegram(request(telegramPhoto(10003, 5)));
    expect(photo.ok && photo.value[0]?.type === 'message' && photo.value[0].inbound).toEqual({ kind: 'attachment', attachmentType: 'image', url: 'telegram-file:AgACAgQAAxkBAAMFlarge', caption: 'my shade' });
    const location = parseTelegram(request(telegramLocation(10004, 5)));
    expect(location.ok && location.value[0]?.type === 'message' && location.value[0].inbound).toEqual({ kind: 'attachment', attachmentType: 'location', url: 'geo:38.722252,-9.139337' });
  });

  it('ignores updates that are not conversation (an edit)', () => {
    expect(parseTelegram(request(telegramEdited(10005, 5)))).toEqual({ ok: true, value: [] });
  });

  it('refuses a body that is not JSON or not an update, naming the field', () => {
    const broken = parseTelegram(request('{"update_id": '));
    expect(!broken.ok && broken.error).toMatchObject({ status: 400, code: 'invalid_json' });
    const wrong = parseTelegram(request({ update_id: 'x' }));
    expect(!wrong.ok && wrong.error).toMatchObject({ status: 400, field: 'update_id' });
  });
});
