import type { Effect, JsonValue } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { type TestChat, testChat, testFlow, texts } from '../../testing';

function hotelFlow(data: Record<string, unknown> = {}) {
  return testFlow(
    [
      { id: 'start', type: 'start' },
      {
        id: 'vacancy',
        type: 'http',
        data: {
          url: 'https://api.hotel.test/vacancy?date={{date}}&guests={{guests}}',
          headers: [{ name: 'Authorization', value: 'Bearer {{token}}' }],
          mappings: [
            { path: 'rooms.available', variable: 'available' },
            { path: 'rooms.types.0.name', variable: 'firstRoom' },
            { path: 'rooms.best[1].price', variable: 'secondPrice' },
            { path: 'rooms.suite', variable: 'suite' },
          ],
          saveStatusAs: 'status',
          ...data,
        },
      },
      { id: 'ok', type: 'message', data: { text: '{{available}} rooms left, first: {{firstRoom}}' } },
      { id: 'error', type: 'message', data: { text: 'Sorry: {{httpError}}' } },
    ],
    [
      ['start', null, 'vacancy'],
      ['vacancy', 'ok', 'ok'],
      ['vacancy', 'error', 'error'],
    ],
  );
}

const vars = { date: '2026-03-14', guests: 2, token: 'secret\r\nX-Evil: 1' };

function httpEffect(chat: TestChat): Extract<Effect, { kind: 'http' }> {
  const effect = chat.last?.effects[0];
  if (effect?.kind !== 'http') throw new Error('expected an http effect');
  return effect;
}

/** Plays the server: the response came back (to the call made in the last turn, unless told which). */
function respond(chat: TestChat, status: number, body: JsonValue, effectId = httpEffect(chat).id) {
  return chat.send({ kind: 'effect', effectId, ok: true, result: { status, body } });
}

describe('http node', () => {
  it('asks the server to make the call, query values encoded, and waits for it', () => {
    const chat = testChat(hotelFlow(), { initialVars: { ...vars, date: 'next friday & saturday' } });
    expect(chat.say('any rooms?')).toEqual([]);
    expect(httpEffect(chat)).toEqual({
      kind: 'http',
      id: expect.stringMatching(/^http-/),
      method: 'GET',
      url: 'https://api.hotel.test/vacancy?date=next%20friday%20%26%20saturday&guests=2',
      headers: { Authorization: 'Bearer secret X-Evil: 1' },
      timeoutMs: 5000,
    });
    expect(chat.session?.waitingAt).toBe('vacancy');
    expect(chat.session?.state).toEqual({ effectId: httpEffect(chat).id, host: 'api.hotel.test' });
  });

  it('saves the mapped fields and the status on 2xx, clearing missing ones, and takes "ok"', () => {
    const chat = testChat(hotelFlow(), { initialVars: { ...vars, suite: 'stale', httpError: 'stale' } });
    chat.say('any rooms?');
    const body = { rooms: { available: 3, types: [{ name: 'Double' }], best: [{ price: 90 }, { price: 120 }] } };
    const turn = respond(chat, 200, body);
    expect(texts(turn.replies)).toEqual(['3 rooms left, first: Double']);
    expect(chat.vars).toMatchObject({ available: 3, firstRoom: 'Double', secondPrice: 120, status: 200 });
    expect(chat.vars).not.toHaveProperty('suite');
    expect(chat.vars).not.toHaveProperty('httpError');
  });

  it('clears every mapping when the answer is not JSON', () => {
    const chat = testChat(hotelFlow(), { initialVars: { ...vars, available: 9 } });
    chat.say('any rooms?');
    respond(chat, 204, 'no content');
    expect(chat.vars).not.toHaveProperty('available');
    expect(chat.vars.status).toBe(204);
  });

  it('takes "error" with a readable message on a non-2xx status', () => {
    const chat = testChat(hotelFlow(), { initialVars: vars });
    chat.say('any rooms?');
    const turn = respond(chat, 404, { error: { message: 'No such hotel.' } });
    expect(texts(turn.replies)).toEqual(['Sorry: api.hotel.test answered 404 Not Found: No such hotel.']);
    expect(chat.vars.status).toBe(404);
    expect(turn.events).toContainEqual({ type: 'http.error', nodeId: 'vacancy', data: { message: 'api.hotel.test answered 404 Not Found: No such hotel.', status: 404 } });
  });

  it('takes "error" when the call itself fails (timeout, network)', () => {
    const chat = testChat(hotelFlow({ errorVariable: 'why' }), { initialVars: { ...vars, status: 200 } });
    chat.say('any rooms?');
    const turn = chat.send({ kind: 'effect', effectId: httpEffect(chat).id, ok: false, error: 'timed out after 5000 ms' });
    expect(turn.session.status).toBe('ended');
    expect(chat.vars.why).toBe('The call to api.hotel.test failed: timed out after 5000 ms.');
    expect(chat.vars).not.toHaveProperty('status');
  });

  it('keeps waiting through customer messages and other results', () => {
    const chat = testChat(hotelFlow(), { initialVars: vars });
    chat.say('any rooms?');
    const effectId = httpEffect(chat).id;
    expect(chat.say('hello??')).toEqual([]);
    expect(chat.send({ kind: 'effect', effectId: 'pay-other', ok: true, result: { status: 500 } }).replies).toEqual([]);
    expect(chat.session?.waitingAt).toBe('vacancy');
    expect(texts(respond(chat, 200, { rooms: { available: 1 } }, effectId).replies)).toEqual(['1 rooms left, first: ']);
  });

  it('takes "error" at once when the URL is not a web address', () => {
    const cases: [string, string][] = [
      ['{{base}}', 'The web address is empty: check the variables it uses.'],
      ['api.hotel.test/vacancy', '"api.hotel.test/vacancy" is not a web address; it must start with http:// or https://.'],
      ['ftp://api.hotel.test/x', '"ftp://api.hotel.test/x" is not a web address; it must start with http:// or https://.'],
    ];
    for (const [url, message] of cases) {
      const chat = testChat(hotelFlow({ url }), { initialVars: vars });
      const turn = chat.send({ kind: 'text', text: 'any rooms?' });
      expect(turn.effects).toEqual([]);
      expect(texts(turn.replies)).toEqual([`Sorry: ${message}`]);
    }
  });

  it('leaves a variable holding the base address as it is', () => {
    const chat = testChat(hotelFlow({ url: '{{api}}/vacancy/{{date}}' }), { initialVars: { ...vars, api: 'https://api.hotel.test/v2' } });
    chat.say('any rooms?');
    expect(httpEffect(chat).url).toBe('https://api.hotel.test/v2/vacancy/2026-03-14');
  });

  it('encodes answers in the path, so a customer cannot reach another endpoint', () => {
    const chat = testChat(hotelFlow({ url: 'https://api.hotel.test/orders/{{date}}' }), { initialVars: { ...vars, date: '../../admin/users?all=1' } });
    chat.say('any rooms?');
    expect(httpEffect(chat).url).toBe('https://api.hotel.test/orders/..%2F..%2Fadmin%2Fusers%3Fall%3D1');
  });

  it('sends a JSON body with values escaped and a JSON content type', () => {
    const chat = testChat(
      hotelFlow({ method: 'POST', url: 'https://api.hotel.test/holds', body: '{"name": "{{name}}", "guests": {{guests}}}', timeoutMs: 10000 }),
      { initialVars: { ...vars, name: 'Ana "Nana" Lee' } },
    );
    chat.say('book');
    const effect = httpEffect(chat);
    expect(effect).toMatchObject({ method: 'POST', timeoutMs: 10000, headers: { 'Content-Type': 'application/json' } });
    expect(JSON.parse(effect.body ?? '')).toEqual({ name: 'Ana "Nana" Lee', guests: 2 });
  });

  it('sends other bodies as written, and none with GET', () => {
    const form = testChat(
      hotelFlow({ method: 'PUT', url: 'https://api.hotel.test/x', body: 'guests={{guests}}', headers: [{ name: 'content-type', value: 'text/plain' }] }),
      { initialVars: vars },
    );
    form.say('go');
    expect(httpEffect(form)).toMatchObject({ body: 'guests=2', headers: { 'content-type': 'text/plain' } });
    const get = testChat(hotelFlow({ body: '{"a": 1}' }), { initialVars: vars });
    get.say('go');
    expect(httpEffect(get)).not.toHaveProperty('body');
  });

  it('explains a config that cannot work', () => {
    expect(() => testChat(hotelFlow({ timeoutMs: 50 }))).toThrow('the timeout must be at least 100 ms');
    expect(() => testChat(hotelFlow({ url: '' }))).toThrow('the request needs a web address');
    expect(() => testChat(hotelFlow({ headers: [{ name: 'Bad Header', value: 'x' }] }))).toThrow('a header name holds letters');
  });
});
