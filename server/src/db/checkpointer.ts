import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/**
 * Checkpoints the WAL from a worker thread. A checkpoint copies pages into the database file and
 * syncs it, which can take milliseconds on a slow disk; left to SQLite's automatic checkpoint it
 * would run inside a commit on the event loop and stall every conversation. PASSIVE never blocks
 * the writer. (A TRUNCATE checkpoint here was seen to hold the writer past its busy timeout under load.)
 *
 * Under steady writes a PASSIVE checkpoint never quite catches up: frames arrive while it copies, so
 * the writer never finds the WAL fully checkpointed and never restarts it from the start, and the WAL
 * grows without end. When it passes `catchUpPages`, the worker asks the main thread to finish the
 * job (see openStore): the few frames left are copied there, between two transactions, and the next
 * write starts the WAL over (cut back to journal_size_limit).
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
let stopped = false;
let syncFd = workerData.dbFd;
let synced = 0;
parentPort.on('message', (m) => { if (m === 'stop') { stopped = true; db.close(); process.exit(0); } });
const tick = () => {
  if (stopped) return;
  let long = false;
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    // SQLite syncs the database file only after a pass that copies the whole log, and under steady
    // writes only the main thread's catch-up pass does: it would sync everything copied here since.
    if (syncFd !== undefined && result && result.checkpointed > 0 && result.checkpointed !== synced) {
      try {
        fs.fdatasyncSync(syncFd);
        synced = result.checkpointed;
      } catch (error) {
        // Reported once; the checkpoints go on, and the main thread's pass syncs the file as before.
        syncFd = undefined;
        parentPort.postMessage('database file sync: ' + String(error && error.message || error));
      }
    }
    long = Boolean(result && result.log > workerData.catchUpPages);
    if (long) parentPort.postMessage({ behind: result.log - result.checkpointed, log: result.log });
  } catch (error) {
    parentPort.postMessage(String(error && error.message || error));
  }
  // While the WAL is long, keep copying so that the main thread's share stays small.
  setTimeout(tick, long ? 0 : workerData.intervalMs);
};
setTimeout(tick, workerData.intervalMs);
`;

/** WAL frames (a page and its 24-byte header each) past which the main thread is asked to catch up. */
export const DEFAULT_CATCH_UP_PAGES = 16_384;

export interface Checkpointer {
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  intervalMs?: number;
  /**
   * WAL pages past which the main thread is asked to finish a checkpoint (default 16384: 64 MB of
   * pages; openStore sets the WAL's size limit at twice that). That pass syncs the WAL and the database file on the event loop: a few ms when
   * the thread has synced what it copied (see dbFd), else everything copied since the last full pass
   * (15–30 ms and growing with the file in a write-heavy test). A long WAL makes those passes rare.
   */
  catchUpPages?: number;
  /**
   * A descriptor of the database file that the thread syncs after each pass. The caller owns it and
   * closes it only once every connection to the file has closed: closing any descriptor of a file
   * drops this process's POSIX locks on it, SQLite's included.
   */
  dbFd?: number;
  onError?: (message: string) => void;
  /** The WAL is long: checkpoint it on the writer's connection, between transactions. */
  onLongLog?: () => void;
}

const longLogSchema = z.object({ behind: z.number(), log: z.number() });

export function startCheckpointer(file: string, options: CheckpointerOptions = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { file, driver, intervalMs: options.intervalMs ?? 250, catchUpPages: options.catchUpPages ?? DEFAULT_CATCH_UP_PAGES, dbFd: options.dbFd },
  });
  worker.unref();
  worker.on('message', (message: unknown) => {
    if (longLogSchema.safeParse(message).success) options.onLongLog?.();
    else options.onError?.(String(message));
  });
  worker.on('error', (error) => options.onError?.(error.message));
  // Settles however the thread ends (asked to stop, or failed earlier), so stopping twice never waits for ever.
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Unref'd while it runs, so it never keeps the process alive; but a process whose last task is
      // waiting for this thread to stop would otherwise end first (exit code 13: unsettled await).
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
