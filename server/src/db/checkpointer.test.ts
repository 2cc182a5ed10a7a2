import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { startCheckpointer } from './checkpointer';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function storeWithFrames(): { file: string; sqlite: Database.Database } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-ckpt-'));
  dirs.push(dir);
  const file = path.join(dir, 'c.db');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.exec('create table t (v text)');
  const insert = sqlite.prepare('insert into t (v) values (?)');
  for (let i = 0; i < 200; i++) insert.run('x'.repeat(1000));
  return { file, sqlite };
}

const waitFor = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

test('the thread syncs the database file after copying frames into it, through the descriptor it is given', async () => {
  const { file, sqlite } = storeWithFrames();
  const errors: string[] = [];
  // A descriptor number no process has open: the sync fails, which shows the thread made it.
  const checkpointer = startCheckpointer(file, { dbFd: 2 ** 30, intervalMs: 5, onError: (message) => errors.push(message) });
  await waitFor(() => errors.length > 0);
  // A failed sync is reported once and the checkpoints go on: later frames still reach the file.
  const insert = sqlite.prepare('insert into t (v) values (?)');
  for (let i = 0; i < 200; i++) insert.run('y'.repeat(1000));
  await waitFor(() => fs.statSync(file).size > 400_000);
  await checkpointer.stop();
  sqlite.close();
  expect(errors).toEqual([expect.stringMatching(/^database file sync: .*EBADF/)]);
  expect(fs.statSync(file).size).toBeGreaterThan(400_000);
});

test('with a working descriptor the passes report nothing and the frames reach the database file', async () => {
  const { file, sqlite } = storeWithFrames();
  const dbFd = fs.openSync(file, 'r');
  const errors: string[] = [];
  const checkpointer = startCheckpointer(file, { dbFd, intervalMs: 5, onError: (message) => errors.push(message) });
  // Every frame copied: the file holds the table's pages, so its size covers the 200 kB written.
  await waitFor(() => fs.statSync(file).size > 200_000);
  await checkpointer.stop();
  sqlite.close();
  fs.closeSync(dbFd);
  expect(errors).toEqual([]);
  expect(fs.statSync(file).size).toBeGreaterThan(200_000);
});
