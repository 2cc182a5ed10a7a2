/**
 * The web chat widget as a shop's customer meets it: a plain page on ANOTHER origin embeds
 * `<script src="…/widget.js" data-bot="beauty-quiz">` from the real bundled server; the customer opens
 * the bubble, runs the beauty quiz to the cards and the payment link, pays on the test checkout in a
 * new tab, and sees the thank-you arrive live in the widget (server-sent events), without reloading.
 * A reload keeps the conversation. The page's own hostile CSS must not reach the widget.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser } from './browser';
import { type RunningServer, buildBundle, cleanUp, freePort, repoRoot, startServer, tempDir } from './server';

const SHOTS = path.join(repoRoot, 'tests/e2e/screenshots');

let server: RunningServer;
let host: http.Server;
let hostUrl = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

/** A shop's page: its own styles are deliberately rude to everything, buttons included. */
const shopPage = (parley: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Petal &amp; Pine</title>
<style>* { font-family: serif !important; color: #0a0 !important; } button { display: none !important; } div { border: 3px dashed red; }</style></head>
<body><h1>Petal &amp; Pine foundations</h1><p>Find your shade with our helper.</p><button id="shop-button">Shop button</button>
<script src="${parley}/widget.js" data-bot="beauty-quiz" data-title="Petal &amp; Pine helper" data-color="#be185d" data-greeting="Hi! Say hello to find your shade." data-position="right"></script>
</body></html>`;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const bundle = await buildBundle();
  server = await startServer({ bundle, dataDir: tempDir('widget') });
  const port = await freePort();
  host = http.createServer((request, response) => {
    if (request.url !== '/') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(shopPage(server.url));
  });
  await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
  // Another origin than the server's: the port differs, and so does the host name.
  hostUrl = `http://localhost:${port}/`;
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  errors = collectErrors(page);
}, 120_000);

afterEach(async (test) => {
  if (test.task.result?.state === 'fail') await page.screenshot({ path: path.join(SHOTS, `failed-widget-${test.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`) });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await cleanUp();
});

const widget = () => page.locator('#parley-chat-widget');
const log = () => widget().getByRole('log');
const storedConversation = () => page.evaluate(() => Object.entries(localStorage).find(([key]) => key.startsWith('parley:'))?.[1] ?? null);

describe('the web chat widget on another site', { timeout: 90_000 }, () => {
  it('serves widget.js as cacheable JavaScript', async () => {
    const response = await fetch(`${server.url}/widget.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('etag')).toBeTruthy();
    expect((await response.text()).length).toBeGreaterThan(1000);
  });

  it('opens from the bubble, runs the quiz to the cards and the payment link, and shows the payment live', async () => {
    await page.goto(hostUrl);
    const launcher = widget().getByRole('button', { name: /Open chat: Petal & Pine helper/ });
    // The page hides every button it styles; the widget's is out of its reach.
    await expect(page.locator('#shop-button').isVisible()).resolves.toBe(false);
    await launcher.focus();
    await page.keyboard.press('Enter');
    const dialog = widget().getByRole('dialog', { name: 'Petal & Pine helper' });
    await dialog.waitFor();
    await log().getByText('Hi! Say hello to find your shade.').waitFor();
    // The message box has the focus: typing goes straight in.
    await page.keyboard.type('hi');
    await page.keyboard.press('Enter');
    await log().getByText('How does your skin usually feel by midday?', { exact: false }).waitFor();
    expect(await storedConversation()).toMatch(/^web_[0-9a-f]{32}$/);

    await log().getByRole('button', { name: 'Dry', exact: true }).click();
    await log().getByText('Which finish do you love?').waitFor();
    await log().getByRole('button', { name: 'Dewy', exact: true }).click();
    await log().getByText('And how much would you like to spend?').waitFor();
    await log().getByRole('button', { name: '$30 to $60', exact: true }).click();
    const firstCard = log().locator('.card').first();
    await firstCard.waitFor();
    const product = (await firstCard.locator('.card-title').textContent()) ?? '';
    expect(product.length).toBeGreaterThan(0);
    // The taps went as the buttons' titles, on the customer's side.
    expect(await log().locator('[data-from="me"]').allTextContents()).toEqual(['hi', 'Dry', 'Dewy', '$30 to $60']);

    await firstCard.getByRole('button', { name: 'Buy' }).click();
    const payLink = log().locator('a.pay-link');
    await payLink.waitFor();
    expect(await log().locator('.pay-box').textContent()).toContain(product);
    const href = (await payLink.getAttribute('href')) ?? '';
    expect(href.startsWith(`${server.url}/checkout/`)).toBe(true);

    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    const [checkout] = await Promise.all([context.waitForEvent('page'), payLink.click()]);
    await checkout.waitForLoadState();
    expect(await checkout.textContent('body')).toContain('TEST MODE');
    await checkout.getByRole('button', { name: /^Pay / }).click();
    await checkout.getByText('Payment paid.').waitFor();
    await checkout.close();

    const thanks = log().getByText('Thank you, your order is confirmed!', { exact: false });
    await thanks.waitFor({ timeout: 8_000 });
    expect(await thanks.textContent()).toContain(product);
    // It arrived on the page as it was: nothing reloaded it.
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    // The page's rules for everything did not reach in.
    const look = await log().locator('.bubble').first().evaluate((bubble) => ({ font: getComputedStyle(bubble).fontFamily, color: getComputedStyle(bubble).color }));
    expect(look.font).not.toContain('serif,');
    expect(look.font).toContain('system-ui');
    expect(look.color).not.toBe('rgb(0, 170, 0)');
    expect(await widget().evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe('none');
    await page.screenshot({ path: path.join(SHOTS, 'widget-open-on-host-page.png') });
    expect(errors).toEqual([]);
  });

  it('keeps the conversation across a reload, transcript restored', async () => {
    const before = await storedConversation();
    await page.reload();
    await widget().getByRole('button', { name: /Open chat/ }).click();
    await log().getByText('Thank you, your order is confirmed!', { exact: false }).waitFor();
    expect(await storedConversation()).toBe(before);
    expect(await log().locator('[data-from="me"]').allTextContents()).toEqual(['hi', 'Dry', 'Dewy', '$30 to $60', 'Buy']);
    await widget().getByRole('button', { name: 'Close chat' }).click();
    expect(await widget().getByRole('dialog').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('fills a phone screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 740 } });
    try {
      await phone.goto(hostUrl);
      await phone.locator('#parley-chat-widget').getByRole('button', { name: /Open chat/ }).click();
      const box = await phone.locator('#parley-chat-widget').getByRole('dialog').boundingBox();
      expect(box).toEqual({ x: 0, y: 0, width: 375, height: 740 });
    } finally {
      await phone.close();
    }
  });
});
