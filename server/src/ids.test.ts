import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from './ids';

describe('newId', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the prefix, the time in base 36 and 80 random bits', () => {
    vi.useFakeTimers({ now: new Date('2026-11-26T06:00:00.000Z') });
    const id = newId('conv');
    expect(id).toMatch(/^conv_[0-9a-z]{9}[0-9a-f]{20}$/);
    expect(id.slice(5, 14)).toBe(Date.now().toString(36).padStart(9, '0'));
  });

  it('makes distinct ids within one millisecond, and later ids sort after earlier ones', () => {
    vi.useFakeTimers({ now: 1_795_000_000_000 });
    const same = Array.from({ length: 1000 }, () => newId('sess'));
    expect(new Set(same).size).toBe(1000);
    const stamp = same[0]?.slice(5, 14);
    expect(same.every((id) => id.slice(5, 14) === stamp)).toBe(true);
    vi.advanceTimersByTime(1);
    const later = newId('sess');
    expect(later.slice(5, 14)).not.toBe(stamp);
    expect(same.every((id) => id < later)).toBe(true);
  });
});
