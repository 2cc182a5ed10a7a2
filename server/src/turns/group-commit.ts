import type Database from 'better-sqlite3';

/**
 * Group commit: writes submitted in the same tick commit together in one SQLite transaction,
 * each in its own savepoint so that one failing write fails only its own turn. A submitter's
 * promise settles only after the transaction committed: nothing is acknowledged before it is durable.
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
  const commitBatch = sqlite.transaction((batch: Pending<T>[]) => {
    const failures = new Map<Pending<T>, unknown>();
    for (const entry of batch) {
      try {
        applyOne(entry.item); // nested transaction = savepoint
      } catch (error) {
        failures.set(entry, error);
      }
    }
    return failures;
  });

  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    let failures: Map<Pending<T>, unknown>;
    try {
      failures = commitBatch(batch);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    for (const entry of batch) {
      const failure = failures.get(entry);
      if (failure === undefined && !failures.has(entry)) entry.resolve();
      else entry.reject(failure);
    }
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
