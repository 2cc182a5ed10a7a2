/**
 * The FAQ page as a service manager uses it, in headless Chromium against the bundled server with the
 * example bots: a guest asks the hotel concierge something its FAQ does not know; the question shows
 * under "Unanswered questions", becomes an entry in one click (focused for its answer), and after
 * Publish the web channel and the test chat answer it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser } from './browser';
import { type RunningServer, buildBundle, cleanUp, printedToken, repoRoot, sendWeb, startServer, tempDir } from './server';

const SHOTS = path.join(repoRoot, 'tests/e2e/screenshots');
const BOT = 'hotel-concierge';
const QUESTION = 'Is there a karaoke night?';
const ANSWER = 'Karaoke is every Friday from 9 pm in the lobby bar.';
const editorBuilt = () => fs.existsSync(path.join(repoRoot, 'editor/dist/index.html'));

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  if (!editorBuilt()) {
    const built = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: path.join(repoRoot, 'editor'), encoding: 'utf8', timeout: 180_000 });
    if (built.status !== 0) throw new Error(`Building the editor failed:\n${built.stdout}\n${built.stderr}`);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ bundle: await buildBundle(), dataDir: tempDir('faq') });
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })).newPage();
  page.setDefaultTimeout(10_000);
  errors = collectErrors(page);
}, 240_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await page.screenshot({ path: path.join(SHOTS, `failed-faq-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`) });
});

afterAll(async () => {
  await browser?.close();
  await cleanUp();
});

/** A guest on the web channel: reaches the FAQ from the menu and asks; the texts of the replies. */
async function guestAsks(conversationId: string, question: string): Promise<string[]> {
  await sendWeb(server.url, BOT, { conversationId, text: 'hi' });
  await sendWeb(server.url, BOT, { conversationId, text: 'Ask a question' });
  const turn = await sendWeb(server.url, BOT, { conversationId, text: question });
  return turn.replies.flatMap((reply) => (reply.text === undefined ? [] : [reply.text]));
}

describe('the FAQ page', { timeout: 60_000 }, () => {
  it('signs in and opens the hotel FAQ from the bots list', async () => {
    expect(await guestAsks('guest-1', QUESTION)).not.toContain(ANSWER);
    await page.goto(server.url);
    if ((await fetch(`${server.url}/api/auth/state`)).status === 200) {
      await page.getByRole('button', { name: 'Create the admin account' }).waitFor();
      await page.getByLabel('Your name').fill('Ada Admin');
      await page.getByLabel('Email').fill('ada@example.com');
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Create the admin account' }).click();
    } else {
      await page.getByLabel('Token').fill(printedToken(server.stdout()) ?? '');
      await page.getByRole('button', { name: 'Sign in with the token' }).click();
    }
    await page.getByRole('heading', { name: 'Bots', exact: true }).waitFor();
    await page.getByRole('link', { name: /FAQ$/ }).filter({ hasText: 'FAQ' }).first().waitFor();
    await page.goto(`${server.url}/bots/${BOT}/faq`);
    await page.getByRole('heading', { name: 'FAQ', exact: true }).waitFor();
    await page.locator('tr[data-id="parking"]').waitFor();
    await page.getByLabel('Search the FAQ').fill('garage');
    expect(await page.locator('tr[data-id]').count()).toBeGreaterThanOrEqual(1);
    await page.getByLabel('Search the FAQ').fill('');
  });

  it('adds an unanswered question as an entry, answers it and publishes', async () => {
    await page.getByRole('tab', { name: 'Unanswered questions' }).click();
    const group = page.locator('.unanswered', { hasText: QUESTION });
    await group.waitFor();
    await group.getByRole('button', { name: 'Add as FAQ entry' }).click();
    const answer = page.getByLabel(`Answer of ${QUESTION}`);
    await expect.poll(() => answer.evaluate((element) => element === document.activeElement)).toBe(true);
    await answer.fill(ANSWER);
    await page.getByText('All changes saved to the draft').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/Published as version \d+/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'faq-page.png') });
    expect(await guestAsks('guest-2', 'is there a karaoke night')).toContain(ANSWER);
  });

  it('the test chat answers it too', async () => {
    await page.goto(`${server.url}/bots/${BOT}`);
    await page.getByRole('tab', { name: 'Test chat' }).click();
    const chat = page.locator('.test-chat');
    await chat.getByLabel('Message').fill('hi');
    await chat.getByRole('button', { name: 'Send' }).click();
    await chat.getByRole('button', { name: 'Ask a question' }).click();
    await chat.getByLabel('Message').fill('karaoke night?');
    await chat.getByRole('button', { name: 'Send' }).click();
    await chat.getByText(ANSWER).waitFor();
    expect(errors).toEqual([]);
  });
});
