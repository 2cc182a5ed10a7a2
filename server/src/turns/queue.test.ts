import { expect, test } from 'vitest';
import { createKeyedQueue } from './queue';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

/** A task that takes `ms`, then notes its name and answers it. */
const noting = (order: string[], name: string, ms = 0) => async () => {
  if (ms > 0) await later(ms, null);
  order.push(name);
  return name;
};

test('runs the tasks of one key in arrival order, even when the first is the slowest', async () => {
  const queue = createKeyedQueue();
  const order: string[] = [];
  const first = queue.run('a', noting(order, 'a1', 30));
  const second = queue.run('a', noting(order, 'a2'));
  expect(await Promise.all([first, second])).toEqual(['a1', 'a2']);
  expect(order).toEqual(['a1', 'a2']);
});

test('a failing task does not stop the ones behind it, and its caller still sees the failure', async () => {
  const queue = createKeyedQueue();
  const failed = queue.run('a', async () => {
    throw new Error('boom');
  });
  const next = queue.run('a', async () => 'ran');
  await expect(failed).rejects.toThrow('boom');
  expect(await next).toBe('ran');
});

test('a task that throws before making its promise fails as one that rejects, and frees its key', async () => {
  const queue = createKeyedQueue();
  const failed = queue.run('a', () => {
    throw new Error('sync boom');
  });
  await expect(failed).rejects.toThrow('sync boom');
  expect(await queue.run('a', async () => 'ran')).toBe('ran');
  await later(0, null);
  expect(queue.size).toBe(0);
});

test('different keys run side by side, and nothing is kept once all are done', async () => {
  const queue = createKeyedQueue();
  const order: string[] = [];
  const slow = queue.run('a', noting(order, 'a', 30));
  const fast = queue.run('b', noting(order, 'b'));
  expect(queue.size).toBe(2);
  await Promise.all([slow, fast]);
  await later(0, null);
  expect(order).toEqual(['b', 'a']);
  expect(queue.size).toBe(0);
});

test('a key stays held while a task queued behind the first still runs', async () => {
  const queue = createKeyedQueue();
  const order: string[] = [];
  const first = queue.run('a', noting(order, 'a1', 10));
  const second = queue.run('a', noting(order, 'a2', 30));
  await first;
  await later(0, null);
  expect(queue.size).toBe(1);
  // A third message now still waits for the second.
  const third = queue.run('a', noting(order, 'a3'));
  await Promise.all([second, third]);
  await later(0, null);
  expect(order).toEqual(['a1', 'a2', 'a3']);
  expect(queue.size).toBe(0);
});
