/**
 * A first start that cannot listen (the port is taken) must not lose the admin token: it is printed
 * only once, so it must not be stored unless the user has had a chance to see it.
 */
import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildBundle, cleanUp, freePort, printedToken, run, startServer, tempDir } from './server';

let bundle: string;
let dataDir: string;
let squatter: net.Server | undefined;

beforeAll(async () => {
  bundle = await buildBundle();
  dataDir = tempDir('startup');
}, 40_000);
afterAll(async () => {
  await new Promise<void>((resolve) => (squatter ? squatter.close(() => resolve()) : resolve()));
  await cleanUp([dataDir]);
});

it('exits with a clear message when the port is taken, and the next start still prints the admin token', async () => {
  squatter = net.createServer();
  const port = await new Promise<number>((resolve) =>
    squatter?.listen(0, '127.0.0.1', () => {
      const address = squatter?.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
  const failed = await run(process.execPath, [bundle, 'start'], {
    env: { PORT: String(port), HOST: '127.0.0.1', PARLEY_DATA_DIR: dataDir, PARLEY_PUBLIC_URL: `http://127.0.0.1:${port}` },
    timeoutMs: 15_000,
  });
  expect.soft(failed.code).toBe(1);
  expect.soft(failed.stderr).toContain(String(port));
  expect.soft(failed.stderr).toMatch(/in use/i);
  expect.soft(failed.stderr).not.toContain("Unhandled 'error' event");

  const server = await startServer({ bundle, dataDir, port: await freePort() });
  const token = printedToken(server.stdout());
  expect(token, `no admin token printed:\n${server.stdout()}`).toBeDefined();
  const bots = await fetch(`${server.url}/api/bots`, { headers: { authorization: `Bearer ${token}` } });
  expect(bots.status).toBe(200);
}, 40_000);
