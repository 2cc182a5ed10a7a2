import type Database from 'better-sqlite3';

/**
 * Group commit: writes submitted in the same tick commit together in one SQLite transaction.
 * A submitter's promise settles only after that transaction committed: nothing is acknowledged
 * before it is durable. If the batch fails (one write's guard refused, say), each write is retried
 * in a transaction of its own, so that only the failing one fails.
 */
export interface GroupCommit<T> {
  submit(item: T): Promise<void>;
  /** Commits what is pending now (tests and shutdown). */
  flush(): void;
}

interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit<T>(sqlite: Database.Database, apply: (item: T) => void): GroupCommit<T> {
  let pending: Pending<T>[] = [];
  const applyOne = sqlite.transaction(apply);
  const applyAll = sqlite.transaction((batch: Pending<T>[]) => {
    for (const entry of batch) apply(entry.item);
  });

  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      applyAll(batch);
    } catch {
      for (const entry of batch) {
        try {
          applyOne(entry.item);
          entry.resolve();
        } catch (error) {
          entry.reject(error);
        }
      }
      return;
    }
    for (const entry of batch) entry.resolve();
  };

  return {
    submit(item) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (pending.length === 1) setImmediate(flush);
      });
    },
    flush,
  };
}
