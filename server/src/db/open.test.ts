import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createGroupCommit } from '../turns/group-commit';
import { openStore } from './open';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

test('a file store checkpoints in the background: commits never fail on it and the WAL is reused', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-store-'));
  dirs.push(dir);
  const file = path.join(dir, 'p.db');
  const store = openStore(file);
  expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  const insert = store.sqlite.prepare('insert into settings (key, value) values (?, ?)');
  const commit = createGroupCommit(store.sqlite, (n: number) => insert.run(`k${n}`, 'x'.repeat(2000)).changes);
  const writeBatches = async (from: number) => {
    for (let round = 0; round < 10; round++) await Promise.all(Array.from({ length: 50 }, (_, i) => commit.submit(from + round * 50 + i)));
  };
  await writeBatches(0);
  const walAfterFirst = fs.statSync(`${file}-wal`).size;
  // Past the checkpointer's interval the WAL is fully checkpointed: the next writes start again at its beginning.
  await new Promise((resolve) => setTimeout(resolve, 700));
  await writeBatches(500);
  expect(fs.statSync(`${file}-wal`).size).toBeLessThanOrEqual(walAfterFirst);
  expect(store.sqlite.prepare('select count(*) as n from settings').get()).toEqual({ n: 1000 });
  store.close();
  expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
});
