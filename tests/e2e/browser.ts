/**
 * Headless Chromium for end-to-end tests, driven by playwright-core with the system's browser
 * (Debian `chromium`; `.ci/run` installs it). Console errors and page errors are collected so a
 * test can require there are none.
 */
import fs from 'node:fs';
import { type Browser, type Locator, type Page, chromium } from 'playwright-core';
import { type RunningServer, printedToken } from './server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/**
 * Problems the page reported: uncaught errors and console errors. A failed request is logged by
 * the browser itself ("Failed to load resource"), and some are expected (a 409, a probe); those are
 * judged by the test through the UI instead.
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console error: ${message.text()}`);
  });
  return errors;
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`not visible: ${locator.toString()}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Draws a connection with the mouse, from an output handle to a node's input, as a person would. */
export async function connect(page: Page, from: { node: string; port: string }, to: string): Promise<void> {
  const source = page.locator(`.react-flow__node[data-id="${from.node}"] .react-flow__handle.source[data-handleid="${from.port}"]`);
  const target = page.locator(`.react-flow__node[data-id="${to}"] .react-flow__handle.target`);
  const start = await centre(source);
  const end = await centre(target);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 5 });
  await page.mouse.up();
}

/** Drags a step from the palette onto the canvas at a point of the pane. */
export async function dropStep(page: Page, type: string, at: { x: number; y: number }): Promise<void> {
  await page.locator(`.palette [data-node-type="${type}"]`).dragTo(page.locator('.react-flow__pane'), { targetPosition: at });
}

/** An API call made by the signed-in page itself (its cookie and CSRF token, or its bearer token). */
export async function pageApi(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const token = sessionStorage.getItem('parley.token');
      if (token) headers.authorization = `Bearer ${token}`;
      const state = await fetch('/api/auth/state').then((r) => (r.ok ? r.json() : null)).catch(() => null);
      if (state?.csrfToken) headers['x-csrf-token'] = state.csrfToken;
      const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, url, body },
  );
}

export interface FirstAdmin {
  name: string;
  email: string;
  password: string;
}

export const ADA: FirstAdmin = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };

/**
 * Signs in on a fresh install as a new user would: creates the first admin account when the server has
 * user accounts, else takes the admin token the server printed. Ends on the bots list.
 */
export async function signInOnFreshInstall(page: Page, server: RunningServer, admin: FirstAdmin = ADA): Promise<void> {
  const accounts = (await fetch(`${server.url}/api/auth/state`)).status === 200;
  await page.goto(server.url);
  if (accounts) {
    await page.getByRole('button', { name: 'Create the admin account' }).waitFor();
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Create the admin account' }).click();
  } else {
    const token = printedToken(server.stdout());
    if (token === undefined) throw new Error('the server printed no admin token');
    await page.getByLabel('Token').fill(token);
    await page.getByRole('button', { name: 'Sign in with the token' }).click();
  }
  await page.getByRole('heading', { name: 'Bots', exact: true }).waitFor();
}
