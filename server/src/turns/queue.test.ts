import { expect, test } from 'vitest';
import { createKeyedQueue } from './queue';

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

test('runs the tasks of one key in arrival order, even when the first is the slowest', async () => {
  const queue = createKeyedQueue();
  const order: string[] = [];
  const first = queue.run('a', async () => {
    await later(30, null);
    order.push('a1');
    return 1;
  });
  const second = queue.run('a', async () => {
    order.push('a2');
    return 2;
  });
  expect(await Promise.all([first, second])).toEqual([1, 2]);
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

test('different keys run side by side, and nothing is kept once all are done', async () => {
  const queue = createKeyedQueue();
  const order: string[] = [];
  const slow = queue.run('a', async () => {
    await later(30, null);
    order.push('a');
  });
  const fast = queue.run('b', async () => {
    order.push('b');
  });
  expect(queue.size).toBe(2);
  await Promise.all([slow, fast]);
  await later(0, null);
  expect(order).toEqual(['b', 'a']);
  expect(queue.size).toBe(0);
});
