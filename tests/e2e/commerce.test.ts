/**
 * The catalog and orders pages as a brand uses them, in headless Chromium against the bundled server
 * with the example bots: open the limited-edition bot's catalog from the bots list, change a stock in
 * its cell, import a CSV with mistakes (every problem listed by row, nothing imported) and then a good
 * one with variants, export it and import the export back, add a variant and delete with the
 * "has variants" refusal, share the catalog with a second bot (read-only there); then add an order
 * webhook (its secret shown once and copied), buy the bag through the web channel, and see the order
 * with its options, its conversation's transcript and the signed deliveries. Screenshots land in
 * tests/e2e/screenshots.
 */
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, signInOnFreshInstall, pageApi } from './browser';
import { type RunningServer, type WebTurn, buildBundle, cleanUp, repoRoot, sendWeb, startServer, tempDir } from './server';

const SHOTS = path.join(repoRoot, 'tests/e2e/screenshots');
const BOT = 'limited-edition';
const BAG = 'MV-SILLAGE-LE';
const editorBuilt = () => fs.existsSync(path.join(repoRoot, 'editor/dist/index.html'));

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];

/** The brand's endpoint for order webhooks: keeps every request it gets and answers 200. */
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let endpoint: Server;
let endpointUrl = '';
/** The webhook's signing secret, as the page showed it once. */
let secret = '';

beforeAll(async () => {
  // The root test:all builds the editor first; run alone, this file builds it.
  if (!editorBuilt()) {
    const built = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: path.join(repoRoot, 'editor'), encoding: 'utf8', timeout: 180_000 });
    if (built.status !== 0) throw new Error(`Building the editor failed:\n${built.stdout}\n${built.stderr}`);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  endpoint = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  const address = endpoint.address();
  endpointUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/orders`;

  const bundle = await buildBundle();
  // The example bots are seeded: limited-edition with its one-product catalog, published.
  server = await startServer({ bundle, dataDir: tempDir('commerce') });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  errors = collectErrors(page);
}, 240_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await page.screenshot({ path: path.join(SHOTS, `failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`) });
});

afterAll(async () => {
  await browser?.close();
  endpoint?.close();
  await cleanUp();
});

/** An API call made by the signed-in page itself. */
const api = (method: string, url: string, body?: unknown) => pageApi(page, method, url, body);

interface Product {
  sku: string;
  stock: number | null;
  price: number;
  variantOf?: string;
  options: Record<string, string>;
}
async function catalog(botId = BOT): Promise<Product[]> {
  const listed = await api('GET', `/api/bots/${botId}/products`);
  expect(listed.status).toBe(200);
  return (listed.body as { products: Product[] }).products;
}

const row = (sku: string) => page.locator(`tr[data-sku="${sku}"]`);
const dialog = () => page.locator('dialog[open]');

async function importFile(name: string, text: string) {
  await page.getByRole('button', { name: 'Import a file' }).first().click();
  await dialog().getByLabel('Catalog file').setInputFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json', buffer: Buffer.from(text) });
  await dialog().getByRole('button', { name: 'Replace the catalog' }).click();
}

const PICTURE = () => `${server.url}/assets/examples/limited-edition/sillage.svg`;
const GOOD_CSV = () =>
  [
    'sku,title,price,currency,stock,imageUrl,variantOf,option.Colour,edition,material',
    `${BAG},"Le Sillage, limited edition",4200,EUR,4,${PICTURE()},,,Numbered edition of 50,Smooth calfskin`,
    `MV-CARRE,Le Carré silk scarf,390,EUR,,${PICTURE()},,,,Silk twill`,
    'MV-CARRE-RG,Le Carré silk scarf,390,EUR,6,,MV-CARRE,Rouge,,',
    'MV-CARRE-BL,Le Carré silk scarf,410,EUR,0,,MV-CARRE,Bleu nuit,,',
  ].join('\n');

describe('the catalog and orders pages', { timeout: 60_000 }, () => {
  it('signs in and opens the limited-edition catalog from the bots list', async () => {
    await signInOnFreshInstall(page, server);
    await page.getByRole('link', { name: 'Maison Verlaine: Le Sillage catalog' }).click();
    await page.getByRole('heading', { name: 'Catalog', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/bots/${BOT}/catalog`);
    await row(BAG).waitFor();
    expect(await row(BAG).textContent()).toContain('Le Sillage, limited edition');
    expect(await page.getByLabel(`Stock of ${BAG}`).inputValue()).toBe('5');
  });

  it('changes the stock in its cell', async () => {
    const stock = page.getByLabel(`Stock of ${BAG}`);
    await stock.fill('3');
    await stock.press('Enter');
    await expect.poll(async () => (await catalog()).find((p) => p.sku === BAG)?.stock).toBe(3);
    // A stock that is not a whole number is refused in place, and nothing is sent.
    await stock.fill('two');
    await stock.press('Enter');
    await row(BAG).getByRole('alert').getByText('A whole number, or empty for not tracked.').waitFor();
    await stock.press('Escape');
    expect(await stock.inputValue()).toBe('3');
    await page.reload();
    await row(BAG).waitFor();
    expect(await page.getByLabel(`Stock of ${BAG}`).inputValue()).toBe('3');
  });

  it('refuses a CSV with mistakes, listing each problem by row and field, and imports nothing', async () => {
    await importFile(
      'bad.csv',
      ['sku,title,price,currency,stock,variantOf,option.Size', `${BAG},Le Sillage,4200,EUR,9,,`, 'TEE,Tee,ten,EUR,,,', 'TEE-S,Tee,20,EURO,lots,TEE,S', 'TEE-M,Tee,20,EUR,,NOPE,M'].join('\n'),
    );
    const problems = dialog().locator('.import-problems');
    await problems.getByText('Nothing was imported.').waitFor();
    const rows = await problems.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['2', 'price', 'price must be a number such as 12.50, not "ten"'],
      ['3', 'stock', 'stock must be a whole number or empty, not "lots"'],
      ['3', 'currency', 'a currency is a three-letter ISO code such as USD'],
      ['4', 'variantOf', 'unknown SKU "NOPE": a variant names a product of the same file'],
    ]);
    await dialog().getByRole('button', { name: 'Cancel', exact: true }).click();
    // Nothing changed: the one product, with the stock set above.
    expect((await catalog()).map((p) => [p.sku, p.stock])).toEqual([[BAG, 3]]);
    expect(await page.locator('tr[data-sku]').count()).toBe(1);
  });

  it('imports a good CSV: products with their variants grouped under them, pictures, search', async () => {
    await importFile('catalog.csv', GOOD_CSV());
    await page.getByText('Imported 4 products').waitFor();
    await expect.poll(() => page.locator('tr[data-sku]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-sku')))).toEqual([BAG, 'MV-CARRE', 'MV-CARRE-RG', 'MV-CARRE-BL']);
    expect(await row('MV-CARRE-BL').textContent()).toContain('Colour: Bleu nuit');
    expect(await row('MV-CARRE').textContent()).toContain('2 variants');
    await expect.poll(() => row(BAG).locator('img.thumb').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect((await catalog()).find((p) => p.sku === 'MV-CARRE-RG')).toMatchObject({ variantOf: 'MV-CARRE', options: { Colour: 'Rouge' }, stock: 6 });
    await page.screenshot({ path: path.join(SHOTS, 'catalog.png'), fullPage: true });

    const search = page.getByPlaceholder('Search SKU, title, attributes, options…');
    await search.fill('bleu');
    await expect.poll(() => page.locator('tr[data-sku]').count()).toBe(2);
    await page.getByText('1 more variant does not match the search.').waitFor();
    await search.fill('');
  });

  it('exports the catalog as CSV and JSON, and the CSV imports back to the same catalog', async () => {
    const before = await catalog();
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toBe(`${BOT}-catalog.csv`);
    const csv = fs.readFileSync(await csvDownload.path(), 'utf8');
    expect(csv.split('\n')[0]).toBe('sku,title,description,price,currency,stock,active,imageUrl,images,url,variantOf,option.Colour,attr.edition,attr.material');
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    expect(JSON.parse(fs.readFileSync(await jsonDownload.path(), 'utf8'))).toEqual(before);
    await importFile('exported.csv', csv);
    await page.getByText('Imported 4 products').waitFor();
    expect(await catalog()).toEqual(before);
  });

  it('adds a variant in the form, and refuses to delete a product that still has variants', async () => {
    await row('MV-CARRE').getByRole('button', { name: 'Add a variant of MV-CARRE' }).click();
    await dialog().getByLabel('SKU').fill('MV-CARRE-IV');
    await dialog().getByLabel('Option 1 value').fill('Ivoire');
    await dialog().getByLabel('Price').fill('395');
    await dialog().getByLabel('Stock', { exact: true }).fill('2');
    await dialog().getByRole('button', { name: 'Add the product' }).click();
    await row('MV-CARRE-IV').waitFor();
    expect((await catalog()).find((p) => p.sku === 'MV-CARRE-IV')).toMatchObject({ variantOf: 'MV-CARRE', options: { Colour: 'Ivoire' }, price: 395, stock: 2 });

    await row('MV-CARRE').getByRole('button', { name: 'Delete MV-CARRE' }).click();
    await dialog().getByRole('button', { name: 'Delete the product' }).click();
    await page.getByRole('alert').getByText('MV-CARRE was not deleted: "MV-CARRE" has variants: delete them first, or import the catalog without it.').waitFor();
    await row('MV-CARRE-IV').getByRole('button', { name: 'Delete MV-CARRE-IV' }).click();
    await dialog().getByRole('button', { name: 'Delete the product' }).click();
    await page.getByText('Deleted MV-CARRE-IV.').waitFor();
    await expect.poll(() => row('MV-CARRE-IV').count()).toBe(0);
  });

  it("shows a bot that shares another bot's catalog read-only, with a link to the owner", async () => {
    const created = await api('POST', '/api/bots', { name: 'Maison Verlaine LINE', id: 'verlaine-line' });
    expect(created.status).toBe(201);
    await page.goto(`${server.url}/bots/verlaine-line/catalog`);
    await page.getByText('No products yet').waitFor();
    await page.getByText('Share a catalog between bots').click();
    await page.getByLabel("Sell from another bot's catalog").selectOption(BOT);
    await page.getByRole('button', { name: 'Share its catalog' }).click();
    await page.getByText('This bot sells from the catalog of').waitFor();
    await row(BAG).waitFor();
    expect(await page.getByLabel(`Stock of ${BAG}`).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import a file' }).count()).toBe(0);
    await page.locator('.catalog-source').getByRole('link', { name: 'Maison Verlaine: Le Sillage' }).click();
    await page.getByLabel(`Stock of ${BAG}`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/bots/${BOT}/catalog`);
    await page.getByText('Shared with Maison Verlaine LINE').waitFor();

    await page.goto(`${server.url}/bots/verlaine-line/catalog`);
    await page.getByRole('button', { name: "Use this bot's own catalog" }).click();
    await page.getByText('No products yet').waitFor();
    expect(((await api('GET', '/api/bots/verlaine-line')).body as { catalogBotId: string | null }).catalogBotId).toBeNull();
  });

  it('adds an order webhook, its secret shown once and copied', async () => {
    await page.goto(`${server.url}/bots/${BOT}/catalog`);
    await page.getByRole('navigation', { name: 'This bot' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('heading', { name: 'Orders', exact: true }).waitFor();
    await page.getByText('No orders yet').waitFor();
    await page.getByLabel('Endpoint address').fill(endpointUrl);
    await page.getByRole('button', { name: 'Add the webhook' }).click();
    secret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'Copy the secret' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await page.getByRole('button', { name: 'I have kept it' }).click();
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);
    const hooks = (await api('GET', `/api/bots/${BOT}/webhooks`)).body as { webhooks: { url: string; secretHint: string }[] };
    expect(hooks.webhooks).toEqual([expect.objectContaining({ url: endpointUrl, secretHint: `${secret.slice(0, 6)}…${secret.slice(-4)}` })]);
  });

  it('shows the order of a purchase made on the web channel, with its options and its conversation', async () => {
    const customer = 'e2e-client-7';
    const say = (body: Record<string, unknown>) => sendWeb(server.url, BOT, { conversationId: customer, ...body });
    await say({ text: 'hi' });
    await say({ payload: 'cognac', title: 'Cognac' });
    await say({ payload: 'chain', title: 'Gold chain' });
    await say({ text: 'cdl' });
    const bought: WebTurn = await say({ payload: `buy:${BAG}`, title: 'Buy' });
    const link = bought.replies.find((reply) => reply.type === 'payment');
    expect(link?.url).toBeDefined();
    const paid = await fetch(`${link?.url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);

    await page.getByRole('button', { name: 'Refresh', exact: true }).first().click();
    const order = page.locator('.orders-table tbody tr').first();
    await order.waitFor();
    await order.locator('.badge', { hasText: 'paid' }).waitFor();
    expect(await order.textContent()).toContain('1 × Le Sillage, limited edition');
    expect(await order.locator('.options').textContent()).toBe('Leather: Cognac · Strap: Gold chain · Initials: CDL');
    expect(await order.textContent()).toMatch(/4,200\.00|4200/);

    // The status filter asks the server.
    await page.getByLabel('Status').selectOption('pending');
    await page.getByText('No pending orders.').waitFor();
    await page.getByLabel('Status').selectOption('paid');
    await order.waitFor();

    await order.getByRole('button', { name: /^Transcript of order/ }).click();
    const drawer = page.locator('aside.drawer');
    await drawer.locator('.facts').getByText(customer).waitFor();
    await drawer.getByText('Tapped “Cognac”').waitFor();
    await drawer.getByText('Here is your secure payment link for 4200 EUR. It stays open for 30 minutes.').waitFor();
    await drawer.getByText(/Merci! Your order is confirmed\./).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'orders.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.count()).toBe(0);
    // Focus is back on the button that opened it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Transcript of order/);

    // The units were taken at checkout and stay out once paid.
    expect((await catalog()).find((p) => p.sku === BAG)?.stock).toBe(3);
  });

  it("lists the webhook's deliveries, signed with the secret shown at creation", async () => {
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(2);
    for (const request of received) {
      const signature = String(request.headers['x-parley-signature']);
      const [t, v1] = signature.split(',').map((part) => part.split('=')[1]);
      expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${request.body}`).digest('hex'));
    }
    expect(received.map((request) => request.headers['x-parley-event'])).toEqual(['order.created', 'order.paid']);

    await page.locator('.webhook').getByRole('button', { name: 'Deliveries' }).click();
    const deliveries = page.locator('.deliveries-table tbody tr');
    await expect.poll(() => deliveries.count()).toBe(2);
    expect(await deliveries.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)))).toEqual([
      ['order.paid', 'delivered', '1'],
      ['order.created', 'delivered', '1'],
    ]);
  });

  it('reported no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
