import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { DEFAULT_CATCH_UP_PAGES, startCheckpointer } from './checkpointer';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Store {
  db: Db;
  sqlite: Database.Database;
  /** Closes the store at once; the promise settles when its checkpointer thread has stopped too. */
  close(): Promise<void>;
}

// Resolved through the package name so it holds from the sources and from the bundle in dist/.
const migrationsFolder = path.join(path.dirname(createRequire(import.meta.url).resolve('@parley/server/package.json')), 'drizzle');

/** Opens (creating if needed) the SQLite store in WAL mode and applies pending migrations. */
export function openStore(file: string, options: { walCatchUpPages?: number } = {}): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives a crash of the process; the peers measure the same.
  sqlite.pragma('synchronous = NORMAL');
  // The transcript grows with every turn; a page cache that holds the recent tail and the indexes
  // keeps turns from reading pages back from the file.
  sqlite.pragma('cache_size = -131072');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  // A file store checkpoints from a worker thread, never inside a commit on the event loop. The thread
  // syncs the file through this descriptor, which stays open until the connection has closed (see dbFd);
  // opened for writing, as some systems (Windows) sync only what a descriptor may write.
  const dbFd = file === ':memory:' ? undefined : fs.openSync(file, 'r+');
  const catchUpPages = options.walCatchUpPages ?? DEFAULT_CATCH_UP_PAGES;
  const checkpointer =
    dbFd === undefined
      ? undefined
      : startCheckpointer(file, {
          dbFd,
          catchUpPages,
          onError: (message) => {
            // Without its checkpointer the WAL would grow for ever: SQLite takes checkpoints back.
            console.error(`WAL checkpointer: ${message}`);
            if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
          },
          // Between two event-loop tasks no transaction is open and nothing else writes: this pass
          // catches up (the worker copied all but the latest frames), so the next write restarts the WAL.
          onLongLog: () => {
            if (sqlite.open && !sqlite.inTransaction) sqlite.pragma('wal_checkpoint(PASSIVE)');
          },
        });
  if (checkpointer) sqlite.pragma('wal_autocheckpoint = 0');
  // Once checkpointed, the WAL restarts from its beginning and is cut back to this size: twice the
  // length at which a catch-up is asked for, so that in steady use it is never cut (on the event loop)
  // only to grow back into newly allocated blocks; only a WAL that ran far past that is cut back.
  sqlite.pragma(`journal_size_limit = ${2 * catchUpPages * (Number(sqlite.pragma('page_size', { simple: true })) + 24)}`);
  const closeOnce = (): Promise<void> => {
    const stopped = checkpointer?.stop() ?? Promise.resolve();
    if (sqlite.open) {
      // A last full checkpoint, so that the WAL does not have to be replayed at the next start.
      if (checkpointer) sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
    }
    // Whoever removes the store's files next waits for this: the thread closes its own connection.
    return stopped.then(() => {
      if (dbFd !== undefined) fs.closeSync(dbFd);
    });
  };
  let closed: Promise<void> | undefined;
  return {
    db,
    sqlite,
    // Once only: a second close must not close the descriptor again (its number may be another file's by then).
    close: () => (closed ??= closeOnce()),
  };
}
