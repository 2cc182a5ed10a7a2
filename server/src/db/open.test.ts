import { spawnSync } from 'node:child_process';
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

test('under writes that never pause, the WAL still restarts: it stays bounded instead of growing with every commit', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-store-'));
  dirs.push(dir);
  const file = path.join(dir, 'p.db');
  // 64 pages: the main thread is asked to catch up once the WAL passes 256 kB.
  const store = openStore(file, { walCatchUpPages: 64 });
  const insert = store.sqlite.prepare('insert into settings (key, value) values (?, ?)');
  const commit = createGroupCommit(store.sqlite, (n: number) => insert.run(`k${n}`, 'x'.repeat(2000)).changes);
  let largestWal = 0;
  const until = Date.now() + 3_000;
  let n = 0;
  // A batch of about 100 kB every few milliseconds (a busy server's pace): there is never a quiet moment.
  while (Date.now() < until) {
    await Promise.all(Array.from({ length: 50 }, () => commit.submit(n++)));
    largestWal = Math.max(largestWal, fs.statSync(`${file}-wal`).size);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const written = n * 2_000;
  // Without the restart the WAL holds everything written; with it, what one background pass leaves behind.
  expect(written).toBeGreaterThan(8_000_000);
  expect(largestWal).toBeLessThan(written / 3);
  expect(store.sqlite.prepare('select count(*) as n from settings').get()).toEqual({ n });
  store.close();
});

test('a process whose last task is closing the store waits for it and exits normally', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-store-'));
  dirs.push(dir);
  // What `parley start` does when stopped: close the store from a top-level await, nothing else left.
  const script = path.join(dir, 'close-last.mts');
  fs.writeFileSync(
    script,
    `import { openStore } from ${JSON.stringify(path.resolve(import.meta.dirname, 'open.ts'))};\n` +
      `const store = openStore(${JSON.stringify(path.join(dir, 'p.db'))});\n` +
      `store.sqlite.prepare("insert or replace into settings (key, value) values ('k', 'v')").run();\n` +
      'await store.close();\n',
  );
  for (let run = 0; run < 3; run++) {
    const closed = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8', timeout: 20_000 });
    // 13 is Node's exit code for a top-level await the process ended without settling.
    expect({ status: closed.status, stderr: closed.stderr }).toEqual({ status: 0, stderr: '' });
  }
}, 60_000);
