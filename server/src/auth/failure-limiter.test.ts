import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from './failure-limiter';

describe('failure limiter', () => {
  it('refuses past the limit until the oldest failure leaves the window, per key', () => {
    let at = 1_000_000;
    const limiter = createFailureLimiter({ maxFailures: 3, windowMs: 60_000, now: () => new Date(at) });
    expect(limiter.begin('a')).toBe(0);
    at += 10_000;
    expect([limiter.begin('a'), limiter.begin('a')]).toEqual([0, 0]);
    expect(limiter.begin('a')).toBe(50_000);
    expect(limiter.begin('b')).toBe(0);
    at += 50_000;
    // The first failure is out of the window: one more try.
    expect(limiter.begin('a')).toBe(0);
    expect(limiter.begin('a')).toBeGreaterThan(0);
    limiter.succeeded('a');
    expect(limiter.begin('a')).toBe(0);
  });
});
