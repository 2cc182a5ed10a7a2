/**
 * The FAQ page as a service manager uses it, in headless Chromium against the bundled server with the
 * example bots: a guest asks the hotel concierge something its FAQ does not know; the question shows
 * under "Unanswered questions", becomes an entry in one click (focused for its answer), and after
 * Publish the web channel and the test chat answer it. A CSV with bad rows imports nothing and lists
 * them; a good one adds its entries; the export holds them all.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, signInOnFreshInstall } from './browser';
import { type RunningServer, buildBundle, cleanUp, repoRoot, sendWeb, startServer, tempDir } from './server';

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
    await signInOnFreshInstall(page, server);
    await page.getByRole('link', { name: 'Hotel Miradouro: concierge FAQ' }).click();
    await page.getByRole('heading', { name: 'FAQ', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/bots/${BOT}/faq`);
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

  it('imports a CSV all or nothing, listing bad rows, and exports the table', async () => {
    const dialog = page.locator('dialog[open]');
    const importCsv = async (text: string) => {
      await page.getByRole('button', { name: 'Import CSV' }).click();
      await dialog.getByLabel('CSV file').setInputFiles({ name: 'faq.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
      await dialog.getByRole('button', { name: 'Import' }).click();
    };
    await importCsv(['question,answer,buttons', 'Do you rent bikes?,,', 'Is there a rooftop bar?,"Yes, on the 7th floor.",Open the map'].join('\n'));
    const problems = dialog.locator('.problems-table tbody tr');
    await problems.first().waitFor();
    expect(await problems.allTextContents()).toEqual([expect.stringMatching(/^1answer/), expect.stringMatching(/^2buttons/)]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('tr[data-id="do-you-rent-bikes"]').count()).toBe(0);

    await importCsv(['question,answer,buttons', 'Do you rent bikes?,"Yes, €15 a day.",Book a bike => https://bikes.example/book'].join('\n'));
    await page.getByText('Imported: 1 added, 0 updated').waitFor();
    await page.locator('tr[data-id="do-you-rent-bikes"]').waitFor();

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = fs.readFileSync((await file.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,question,alternatives,answer,buttons,imageUrl,tags,language,enabled');
    expect(csv).toContain('do-you-rent-bikes,Do you rent bikes?,,"Yes, €15 a day.",Book a bike => https://bikes.example/book,,,,true');
    expect(csv).toContain(`${QUESTION},`);
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
