import { afterEach, expect, it } from 'vitest';
import { type TestParley, testParley } from '../testing';
import { createWebLive } from './web-live';

let parley: TestParley | undefined;
afterEach(() => parley?.close());

it('a wait whose mark is no longer the newest turn id returns at once, also when that id went down (a deleted bot’s turns)', async () => {
  parley = testParley();
  const live = createWebLive(parley.deps.store, 60_000);
  const newest = live.newest();
  const quiet = new AbortController();
  // A mark above the newest id: the newest turns were deleted after the reader took it.
  const started = Date.now();
  await live.wait('conv-any', 5_000, quiet.signal, newest + 3);
  expect(Date.now() - started).toBeLessThan(1_000);
  // Nothing changed since the mark: the wait lasts until its time.
  const timed = Date.now();
  await live.wait('conv-any', 200, quiet.signal, newest);
  expect(Date.now() - timed).toBeGreaterThanOrEqual(190);
  live.close();
});
