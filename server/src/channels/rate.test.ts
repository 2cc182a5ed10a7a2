import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callApi } from './http';
import { metaThrottle } from './meta/throttle';
import { createBucket, createPacer, inFlightLimit, retryAfterMs } from './rate';
import { telegramThrottle } from './telegram/send';
import { type PlatformAnswer, type StandIn, startStandIn } from './testing/stand-in';

describe('the token bucket', () => {
  afterEach(() => vi.useRealTimers());

  it('lets a burst through, then spaces takers at the rate, in call order', async () => {
    vi.useFakeTimers({ now: 0 });
    const bucket = createBucket();
    const done: [number, number][] = [];
    const takers = Array.from({ length: 5 }, (_, index) => bucket.take('bot/telegram', 2, 2).then(() => done.push([index, Date.now()])));
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(takers);
    expect(done).toEqual([[0, 0], [1, 0], [2, 500], [3, 1000], [4, 1500]]);
  });

  it('keeps keys apart, and holds a paused key until the pause ends', async () => {
    vi.useFakeTimers({ now: 0 });
    const bucket = createBucket();
    bucket.pause('a', 3_000);
    const times: Record<string, number> = {};
    const a = bucket.take('a', 100, 1).then(() => (times.a = Date.now()));
    const b = bucket.take('b', 100, 1).then(() => (times.b = Date.now()));
    await vi.advanceTimersByTimeAsync(4_000);
    await Promise.all([a, b]);
    expect(times).toEqual({ a: 3_000, b: 0 });
  });
});

describe('calls in flight', () => {
  it("hold a connection's calls beyond its limit until one ends, in arrival order", async () => {
    const pacer = createPacer(Date.now);
    const to = { botId: 'shop', channel: 'telegram', externalKey: '42' };
    const limit = { perSecond: 1000, maxPerSecond: 1000 };
    expect(inFlightLimit(limit)).toBe(100);
    expect(inFlightLimit(undefined)).toBe(64);
    const releases = await Promise.all(Array.from({ length: 100 }, () => pacer.pace(to, limit)));
    const started: number[] = [];
    const waiting = [1, 2].map((index) => pacer.pace(to, limit).then((release) => (started.push(index), release)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toEqual([]);
    // Another connection is not held.
    (await pacer.pace({ ...to, channel: 'whatsapp' }, limit))();
    releases[0]?.();
    releases[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(started).toEqual([1]);
    releases[1]?.();
    for (const release of await Promise.all(waiting)) release();
    expect(started).toEqual([1, 2]);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('Wed, 25 Nov 2026 14:00:00 GMT');
    expect(retryAfterMs('7', now)).toBe(7_000);
    expect(retryAfterMs('Wed, 25 Nov 2026 14:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 25 Nov 2026 13:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe('throttling answers', () => {
  let standIn: StandIn;
  let answer: PlatformAnswer = {};
  beforeAll(async () => {
    standIn = await startStandIn(() => answer);
  });
  afterAll(() => standIn.close());
  const io = () => ({ apiUrls: { meta: standIn.url, telegram: standIn.url, line: standIn.url, viber: standIn.url, wechat: standIn.url }, fetch, timeoutMs: 2_000 });

  it("takes Telegram's retry_after", async () => {
    answer = { status: 429, json: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 14', parameters: { retry_after: 14 } } };
    const result = await callApi(io(), { url: `${standIn.url}/botX/sendMessage`, json: {}, throttle: telegramThrottle });
    expect(result).toMatchObject({ ok: false, error: { status: 429, retryable: true, throttle: { retryAfterMs: 14_000 } } });
  });

  it("treats Meta's throttling codes as throttling, whatever the status, and other refusals as refusals", async () => {
    answer = { status: 400, json: { error: { message: 'Calls to this api have exceeded the rate limit.', type: 'OAuthException', code: 613 } } };
    expect(await callApi(io(), { url: `${standIn.url}/me/messages`, json: {}, throttle: metaThrottle })).toMatchObject({ ok: false, error: { status: 400, retryable: true, throttle: {} } });
    answer = { status: 400, json: { error: { message: 'Pair rate limit hit', code: 131056 } } };
    expect(await callApi(io(), { url: `${standIn.url}/1/messages`, json: {}, throttle: metaThrottle })).toMatchObject({ ok: false, error: { retryable: true, throttle: { chatOnly: true } } });
    answer = { status: 400, json: { error: { message: '(#100) Invalid parameter', code: 100 } } };
    const refused = await callApi(io(), { url: `${standIn.url}/me/messages`, json: {}, throttle: metaThrottle });
    expect(refused).toMatchObject({ ok: false, error: { status: 400, retryable: false } });
    expect(!refused.ok && refused.error.throttle).toBeUndefined();
  });

  it('treats a 503 as throttling, waiting as long as it says', async () => {
    answer = { status: 503, text: 'Service Unavailable', headers: { 'retry-after': '3' } };
    expect(await callApi(io(), { url: `${standIn.url}/v2/bot/message/push`, json: {} })).toMatchObject({ ok: false, error: { status: 503, retryable: true, throttle: { retryAfterMs: 3_000 } } });
  });
});
