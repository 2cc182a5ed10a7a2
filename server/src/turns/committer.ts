import type { Store } from '../db/open';
import { createGroupCommit } from './group-commit';
import { type TurnWrite, createTurnWriter } from './writes';

/**
 * Where turns are made durable. `submit` settles once the write committed, with the conversation's
 * key in the store. (A committer in a writer thread was measured slower on two cores: it takes the
 * write off the main thread, but every message waits for its batch's round trip to the thread, and
 * under load the main thread idles meanwhile; see docs/architecture.md, Throughput.)
 */
export interface TurnCommitter {
  submit(write: TurnWrite): Promise<number>;
  close(): Promise<void>;
}

export function inThreadCommitter(store: Store): TurnCommitter {
  const commit = createGroupCommit(store.sqlite, createTurnWriter(store));
  return {
    submit: (write) => commit.submit(write),
    close: async () => commit.flush(),
  };
}
