/**
 * Per-conversation FIFO: tasks with the same key run one after another, in arrival order;
 * different keys run concurrently. In-process, which is enough for one server process.
 */
export interface KeyedQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  readonly size: number;
}

export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, task) {
      const previous = tails.get(key);
      // A failed task must not stop the ones behind it: they run either way.
      const result = previous ? previous.then(task, task) : task();
      tails.set(key, result);
      const release = () => {
        if (tails.get(key) === result) tails.delete(key);
      };
      result.then(release, release);
      return result;
    },
    get size() {
      return tails.size;
    },
  };
}
