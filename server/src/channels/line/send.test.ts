import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseConfig } from '../../env';
import { type StandIn, startStandIn } from '../testing/stand-in';
import { lineConfig } from './config';
import { sendLine } from './send';

const config = lineConfig.parse({ channelSecret: '8c570fa6dd201bb328f1c1eac23a96d8', channelAccessToken: 'kWy3J0PZ4rJxChannelAccessTokenForTests' });
let standIn: StandIn;
let expiredTokens = new Set<string>();
const apis = () => {
  const parsed = parseConfig({ PARLEY_LINE_API_URL: standIn.url });
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return { apiUrls: parsed.config.channelApis, fetch, timeoutMs: 2000 };
};
const body = (i: number) => z.object({ messages: z.array(z.object({ text: z.string() })) }).parse(standIn.calls[i]?.json);

beforeAll(async () => {
  standIn = await startStandIn((call) => {
    const token = z.object({ replyToken: z.string().optional() }).parse(call.json).replyToken;
    if (token && expiredTokens.has(token)) return { status: 400, json: { message: 'Invalid reply token' } };
    if (call.path === '/v2/bot/message/push' && call.headers['x-line-retry-key'] === undefined) return { status: 400, json: { message: 'no retry key' } };
    return { json: { sentMessages: [] } };
  });
});
afterAll(() => standIn.close());
beforeEach(() => {
  standIn.calls.length = 0;
  expiredTokens = new Set();
});

describe('LINE send', () => {
  it('replies with the token five messages at a time, then pushes the rest with a retry key', async () => {
    const replies = Array.from({ length: 7 }, (_, i) => ({ type: 'text' as const, text: `m${i + 1}` }));
    const result = await sendLine(replies, { customerId: 'U1', context: { replyToken: 'rt-1' } }, config, apis());
    expect(result).toEqual({ ok: true, sent: 2 });
    expect(standIn.calls.map((c) => c.path)).toEqual(['/v2/bot/message/reply', '/v2/bot/message/push']);
    expect(body(0).messages.map((m) => m.text)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(body(1).messages.map((m) => m.text)).toEqual(['m6', 'm7']);
    expect(standIn.calls[1]?.json).toMatchObject({ to: 'U1' });
    expect(standIn.calls[0]?.headers.authorization).toBe(`Bearer ${config.channelAccessToken}`);
    expect(standIn.calls[1]?.headers['x-line-retry-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('pushes when the reply token has expired', async () => {
    expiredTokens.add('rt-old');
    const result = await sendLine([{ type: 'text', text: 'late' }], { customerId: 'U1', context: { replyToken: 'rt-old' } }, config, apis());
    expect(result).toEqual({ ok: true, sent: 1 });
    expect(standIn.calls.map((c) => c.path)).toEqual(['/v2/bot/message/reply', '/v2/bot/message/push']);
  });

  it('reports a refusal with the platform status, and a network failure as retryable', async () => {
    const refused = await sendLine([{ type: 'text', text: 'x' }], { customerId: 'U1' }, lineConfig.parse({ ...config, channelAccessToken: 'x'.repeat(20) }), {
      ...apis(),
      fetch: async () => new Response(JSON.stringify({ message: 'Authentication failed' }), { status: 401 }),
    });
    expect(refused).toEqual({ ok: false, sent: 0, error: { status: 401, message: '{"message":"Authentication failed"}', retryable: false } });
    const down = await sendLine([{ type: 'text', text: 'x' }], { customerId: 'U1' }, config, { ...apis(), apiUrls: { ...apis().apiUrls, line: 'http://127.0.0.1:1' } });
    expect(down.ok === false && down.error.retryable).toBe(true);
  });
});
