import type Database from 'better-sqlite3';

/**
 * Group commit: writes submitted in the same tick commit together in one SQLite transaction.
 * A submitter's promise settles only after that transaction committed: nothing is acknowledged
 * before it is durable. If the batch fails (one write's guard refused, say), each write is retried
 * in a transaction of its own, so that only the failing one fails.
 */
export interface GroupCommit<T, R> {
  submit(item: T): Promise<R>;
  /** Commits what is pending now (tests and shutdown). */
  flush(): void;
}

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit<T, R>(sqlite: Database.Database, apply: (item: T) => R): GroupCommit<T, R> {
  let pending: Pending<T, R>[] = [];
  const applyOne = sqlite.transaction(apply);
  const applyAll = sqlite.transaction((batch: Pending<T, R>[]) => batch.map((entry) => apply(entry.item)));

  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    let results: R[];
    try {
      // IMMEDIATE takes the write lock up front (waiting on busy_timeout), never failing mid-way on an upgrade.
      results = applyAll.immediate(batch);
    } catch {
      for (const entry of batch) {
        try {
          entry.resolve(applyOne.immediate(entry.item));
        } catch (error) {
          entry.reject(error);
        }
      }
      return;
    }
    batch.forEach((entry, i) => {
      const result = results[i];
      if (result === undefined) entry.reject(new Error('group commit lost a result'));
      else entry.resolve(result);
    });
  };

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (pending.length === 1) setImmediate(flush);
      });
    },
    flush,
  };
}
