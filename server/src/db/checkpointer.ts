import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Checkpoints the WAL from a worker thread. A checkpoint copies pages into the database file and
 * syncs it, which can take milliseconds on a slow disk; left to SQLite's automatic checkpoint it
 * would run inside a commit on the event loop and stall every conversation. PASSIVE never blocks
 * the writer. (A TRUNCATE checkpoint here was seen to hold the writer past its busy timeout under load;
 * the WAL's size is bounded instead by the main connection's journal_size_limit, applied when the
 * writer wraps round to the start of a fully checkpointed WAL.)
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
let stopped = false;
parentPort.on('message', (m) => { if (m === 'stop') { stopped = true; db.close(); process.exit(0); } });
const tick = () => {
  if (stopped) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String(error && error.message || error));
  }
  setTimeout(tick, workerData.intervalMs);
};
setTimeout(tick, workerData.intervalMs);
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, options: { intervalMs?: number; onError?: (message: string) => void } = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { file, driver, intervalMs: options.intervalMs ?? 250 },
  });
  worker.unref();
  worker.on('message', (message) => options.onError?.(String(message)));
  worker.on('error', (error) => options.onError?.(error.message));
  return {
    async stop() {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      await exited;
    },
  };
}
