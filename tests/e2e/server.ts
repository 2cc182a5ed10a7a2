/**
 * Helpers for end-to-end tests against the REAL server process: build the bundle `pnpm start` runs,
 * start it as a child process on a free port with its own data directory, and kill it afterwards.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const serverDir = path.join(repoRoot, 'server');
const distDir = path.join(serverDir, 'dist');

/** A port nobody listens on right now (the server takes no PORT=0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Serializes bundle builds across test files (vitest runs them in parallel processes). */
async function withBuildLock<T>(work: () => T): Promise<T> {
  fs.mkdirSync(distDir, { recursive: true });
  const lock = path.join(distDir, '.e2e-build.lock');
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after 30 s.
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 30_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {}
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await sleep(50);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

const privateBundles: string[] = [];

/**
 * Runs `node build.mjs` (what `pnpm start` builds) and returns a private copy of dist/parley.mjs,
 * so another test file rebuilding the bundle cannot change it under a server this file starts.
 * The copy sits beside the original: same package scope, same node_modules.
 */
export async function buildBundle(): Promise<string> {
  return withBuildLock(() => {
    const built = spawnSync(process.execPath, ['build.mjs'], { cwd: serverDir, encoding: 'utf8', timeout: 30_000 });
    if (built.status !== 0) throw new Error(`node build.mjs failed (${built.status}):\n${built.stdout}\n${built.stderr}`);
    const copy = path.join(distDir, `e2e-${process.pid}-${privateBundles.length}.mjs`);
    fs.copyFileSync(path.join(distDir, 'parley.mjs'), copy);
    privateBundles.push(copy);
    return copy;
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `parley-e2e-${prefix}-`));
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code and signal once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children = new Set<ChildProcess>();

export interface StartOptions {
  bundle: string;
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
}

/** Starts `node <bundle> start` and waits until GET /api/health answers 200. */
export async function startServer({ bundle, dataDir, port, env = {} }: StartOptions): Promise<RunningServer> {
  const chosen = port ?? (await freePort());
  const url = `http://127.0.0.1:${chosen}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(childEnv)) if (key.startsWith('PARLEY_')) delete childEnv[key];
  Object.assign(childEnv, { PORT: String(chosen), HOST: '127.0.0.1', PARLEY_DATA_DIR: dataDir, PARLEY_PUBLIC_URL: url, ...env });
  const child = spawn(process.execPath, [bundle, 'start'], { cwd: repoRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (gone) throw new Error(`server exited before it was ready:\n${out}\n${err}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy after 20 s:\n${out}\n${err}`);
    }
    await sleep(50);
  }
  return { url, port: chosen, dataDir, child, stdout: () => out, stderr: () => err, exited };
}

/** SIGTERM, and SIGKILL if it has not exited after `graceMs`. */
export async function stopServer(server: RunningServer, graceMs = 8_000) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return server.exited;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  const result = await server.exited;
  clearTimeout(timer);
  return result;
}

/** For afterAll: kills every server this file started that is still running, and removes its bundle copies. */
export async function cleanUp(dirs: string[] = []) {
  const waits = [...children].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  );
  await Promise.all(waits);
  for (const file of privateBundles.splice(0)) fs.rmSync(file, { force: true });
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}

// Belt and braces: a worker that dies without afterAll must not leave servers behind.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** The admin token a first start prints once. */
export function printedToken(stdout: string): string | undefined {
  return /Admin token \(shown only this once; keep it\): (\S+)/.exec(stdout)?.[1];
}

/** One reply as the web channel returns it; only the fields these tests read. */
export interface WebReply {
  type: string;
  text?: string;
  url?: string;
  paymentId?: string;
  amount?: number;
  currency?: string;
  testMode?: boolean;
  buttons?: { title: string; payload: string }[];
  cards?: { title: string; subtitle?: string; buttons: { action: string; title: string; payload?: string; url?: string }[] }[];
}

export interface WebTurn {
  replies: WebReply[];
  ended: boolean;
  duplicate: boolean;
}

/** POSTs one customer message to the web channel; throws unless 200. */
export async function sendWeb(url: string, botId: string, body: Record<string, unknown>): Promise<WebTurn> {
  const response = await fetch(`${url}/webhooks/web/${botId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST /webhooks/web/${botId} answered ${response.status}: ${text}`);
  return JSON.parse(text) as WebTurn;
}

/** Runs a command to completion (stdin given), with its output. */
export function run(command: string, args: string[], options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith('PARLEY_')) delete env[key];
    const child = spawn(command, args, { cwd: repoRoot, env: { ...env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} took over ${options.timeoutMs ?? 20_000} ms:\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** `parley <args>` from the sources, as `pnpm parley` runs it. */
export function parley(args: string[], options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {}) {
  return run(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], options);
}
