import { describe, expect, it } from 'vitest';
import { isoTime } from './iso-time';

describe('isoTime', () => {
  it('writes what toISOString writes, within a second, across seconds and going back in time', () => {
    const start = Date.UTC(2026, 10, 25, 23, 59, 58, 990);
    const times = [0, 1, 9, 10, 99, 100, 999, 1000, 1009, 2010, 2011, 500, -1, 86_400_000, 3];
    for (const offset of times) {
      const date = new Date(start + offset);
      expect(isoTime(date)).toBe(date.toISOString());
    }
  });

  it('matches toISOString over many dates, early and late years included', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647);
    for (let i = 0; i < 5_000; i++) {
      const date = new Date(Math.floor((random() - 0.5) * 2 * 8.64e15));
      expect(isoTime(date)).toBe(date.toISOString());
      const next = new Date(date.getTime() + Math.floor(random() * 1_500));
      expect(isoTime(next)).toBe(next.toISOString());
    }
    for (const ms of [Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1), -62_167_219_200_000, -62_167_219_200_001, 0, -1])
      expect(isoTime(new Date(ms))).toBe(new Date(ms).toISOString());
  });

  it('throws for an invalid date, as toISOString does', () => {
    expect(() => isoTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});
