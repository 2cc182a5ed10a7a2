/**
 * The visual editor as a marketer uses it, in headless Chromium against the bundled server on a fresh
 * install: sign in (creating the admin when the server has user accounts), create a blank bot, drag
 * message, buttons, product cards and question steps from the palette, connect them, fill their
 * forms, see the problem of an unconnected output and fix it, publish, chat through the draft in the
 * test chat and through the web channel, and roll back. Screenshots land in tests/e2e/screenshots.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, connect, dropStep, launchBrowser, signInOnFreshInstall, pageApi } from './browser';
import { type RunningServer, buildBundle, cleanUp, repoRoot, sendWeb, startServer, tempDir } from './server';

const SHOTS = path.join(repoRoot, 'tests/e2e/screenshots');
const editorBuilt = () => fs.existsSync(path.join(repoRoot, 'editor/dist/index.html'));

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];
let botId = '';

beforeAll(async () => {
  // The root test:all builds the editor first; run alone, this file builds it.
  if (!editorBuilt()) {
    const built = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: path.join(repoRoot, 'editor'), encoding: 'utf8', timeout: 180_000 });
    if (built.status !== 0) throw new Error(`Building the editor failed:\n${built.stdout}\n${built.stderr}`);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  const bundle = await buildBundle();
  server = await startServer({ bundle, dataDir: tempDir('editor'), env: { PARLEY_SEED_EXAMPLES: 'false' } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(10_000);
  errors = collectErrors(page);
}, 240_000);

afterEach(async (context) => {
  // A failure leaves a picture of the page behind, to see what the test saw.
  if (context.task.result?.state === 'fail') await page.screenshot({ path: path.join(SHOTS, `failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`) });
});

afterAll(async () => {
  await browser?.close();
  await cleanUp();
});

/** An API call made by the signed-in page itself. */
const api = (method: string, url: string, body?: unknown) => pageApi(page, method, url, body);

const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const inspector = () => page.locator('#panel-inspect');
async function select(id: string) {
  // A step may lie outside the canvas's view (after finding another one), or under the minimap or the
  // problems panel: bring every step into view, and select it as a click on it would.
  const title = node(id).locator('.step-title');
  const clickable = () => title.click({ trial: true, timeout: 1_500 }).then(() => true, () => false);
  if (!(await clickable())) await page.getByRole('button', { name: 'Fit', exact: true }).click();
  if (await clickable()) await title.click();
  else await title.dispatchEvent('click');
  await inspector().getByText('Step id').waitFor();
}
async function paneOrigin() {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('no canvas');
  return box;
}

describe('the visual editor', { timeout: 60_000 }, () => {
  it('signs in on a fresh install: creates the admin when the server has accounts, else takes the printed admin token', async () => {
    await signInOnFreshInstall(page, server);
    await page.getByText('No bots yet').waitFor();
  });

  it('creates a blank bot and builds a flow by dragging steps from the palette and connecting them', async () => {
    await page.getByRole('button', { name: 'Create your first bot' }).click();
    await page.getByLabel('Name').fill('Shoe shop');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.locator('.react-flow__node[data-id="start"]').waitFor();
    botId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    expect(botId).toMatch(/^shoe-shop-/);
    const imported = await api('POST', `/api/bots/${botId}/products`, [
      { sku: 'R1', title: 'Red runner', price: 59.9, currency: 'EUR', attributes: { color: 'red' } },
      { sku: 'B1', title: 'Blue trail', price: 79, currency: 'EUR', attributes: { color: 'blue' } },
    ]);
    expect(imported.status).toBe(200);

    const pane = await paneOrigin();
    const start = await node('start').boundingBox();
    if (!start) throw new Error('no start node');
    const x0 = start.x - pane.x;
    const y0 = start.y - pane.y;
    await dropStep(page, 'message', { x: x0 - 150, y: y0 - 280 });
    await dropStep(page, 'buttons', { x: x0 + 130, y: y0 - 280 });
    await dropStep(page, 'products', { x: x0 - 150, y: y0 + 140 });
    await dropStep(page, 'ask', { x: x0 + 130, y: y0 + 140 });
    for (const id of ['message-1', 'buttons-1', 'products-1', 'ask-1']) await node(id).waitFor();

    await connect(page, { node: 'start', port: 'next' }, 'message-1');
    await connect(page, { node: 'message-1', port: 'next' }, 'buttons-1');
    await connect(page, { node: 'buttons-1', port: 'button1' }, 'products-1');
    await connect(page, { node: 'products-1', port: 'selected' }, 'ask-1');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);
  });

  it('fills the steps through their generated forms, with {{ autocomplete and the product filter builder', async () => {
    await select('message-1');
    const text = inspector().getByLabel('Text', { exact: true });
    await text.fill('Welcome to the shoe shop, ');
    await text.press('End');
    await text.pressSequentially('{{cont');
    await inspector().getByRole('option', { name: /contact\.id/ }).waitFor();
    await text.press('Enter');
    await expect.poll(() => text.inputValue()).toBe('Welcome to the shoe shop, {{contact.id}}');
    await expect.poll(() => node('message-1').locator('.step-summary').textContent()).toContain('Welcome to the shoe shop');

    await select('buttons-1');
    await inspector().getByLabel('Question', { exact: true }).fill('What are you looking for?');
    const first = inspector().locator('.list-item').first();
    await first.getByLabel('Title', { exact: true }).fill('Running shoes');
    await inspector().getByRole('button', { name: '+ Add button' }).click();
    await inspector().locator('.list-item').nth(1).getByLabel('Title', { exact: true }).fill('Talk to us');
    // Each button is an output on the canvas; the connection follows the renamed first one.
    await node('buttons-1').locator('.port', { hasText: 'Talk to us' }).waitFor();
    await expect.poll(() => node('buttons-1').locator('.port').allTextContents()).toEqual(['Running shoes', 'Talk to us', 'Fallback']);
    await page.screenshot({ path: path.join(SHOTS, 'inspector.png') });

    await select('products-1');
    await inspector().getByLabel('Intro text', { exact: true }).fill('Our red shoes:');
    await inspector().getByRole('button', { name: '+ Add filter' }).click();
    await inspector().getByLabel('Field', { exact: true }).fill('attributes.color');
    await inspector().getByRole('button', { name: 'red', exact: true }).click();
    await expect.poll(() => inspector().getByLabel('Value', { exact: true }).inputValue()).toBe('red');
    const cardButtons = inspector().locator('fieldset.list', { hasText: 'Card buttons' });
    await cardButtons.getByRole('button', { name: '+ Add button' }).click();
    await cardButtons.getByLabel('Title', { exact: true }).fill('Buy');

    await select('ask-1');
    await inspector().getByLabel('Question', { exact: true }).fill('Your email, for the receipt?');
    await inspector().getByLabel('Save the answer in', { exact: true }).fill('email');
    await inspector().getByLabel('Expected answer', { exact: true }).selectOption({ label: 'email' });
  });

  it('shows the problem of an unconnected required output, marks the step, disables Publish, and clears once fixed', async () => {
    const publish = page.getByRole('button', { name: 'Publish', exact: true });
    await expect.poll(() => node('ask-1').locator('.step').getAttribute('class')).toContain('has-error');
    await expect.poll(() => publish.isDisabled()).toBe(true);
    await page.locator('.problems-toggle').click();
    const problem = page.locator('.problems li', { hasText: 'connect its "Answered" output' });
    await problem.waitFor();
    await problem.getByRole('button').click();
    await expect.poll(() => node('ask-1').locator('.step').getAttribute('class')).toContain('selected');

    const pane = await paneOrigin();
    const ask = await node('ask-1').boundingBox();
    if (!ask) throw new Error('no ask node');
    await dropStep(page, 'message', { x: ask.x - pane.x + 270, y: ask.y - pane.y + 40 });
    await node('message-2').waitFor();
    await select('message-2');
    await inspector().getByLabel('Text', { exact: true }).fill('Thanks! The receipt goes to {{email}}.');
    await connect(page, { node: 'ask-1', port: 'next' }, 'message-2');
    await expect.poll(() => publish.isDisabled(), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => node('ask-1').locator('.step').getAttribute('class')).not.toContain('has-error');
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('All changes saved');
    await page.locator('.problems').getByRole('button', { name: 'Close problems' }).click();
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SHOTS, 'canvas.png') });
  });

  it('chats through the draft in the test chat, showing every reply and the path on the canvas', async () => {
    await page.getByRole('tab', { name: 'Test chat' }).click();
    const chat = page.locator('.test-chat');
    await chat.getByLabel('Message').fill('hi');
    await chat.getByRole('button', { name: 'Send' }).click();
    await chat.getByText(/Welcome to the shoe shop, t-/).waitFor();
    await chat.getByRole('button', { name: 'Running shoes' }).click();
    const cards = chat.locator('.card-item');
    await cards.first().waitFor();
    expect(await cards.locator('h4').allTextContents()).toEqual(['Red runner']);
    await expect.poll(() => node('products-1').locator('.step').getAttribute('class')).toContain('active');
    await expect.poll(() => page.locator('.react-flow__edge.on-path').count()).toBeGreaterThanOrEqual(3);
    await cards.first().getByRole('button', { name: 'Buy' }).click();
    await chat.getByText('Your email, for the receipt?').waitFor();
    await chat.getByLabel('Message').fill('Ann@Example.com');
    await chat.getByRole('button', { name: 'Send' }).click();
    await chat.getByText('Thanks! The receipt goes to Ann@example.com.').waitFor();
    await chat.locator('.vars dt', { hasText: 'email' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'test-chat.png') });
    await chat.getByRole('button', { name: 'Restart' }).click();
    await chat.getByText('Say hello to start').waitFor();
  });

  it('publishes with a note, answers on the web channel, and rolls back a later version in one click', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByLabel('What changed (optional)').fill('First shop flow');
    await page.locator('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
    const versions = page.locator('#panel-versions');
    await versions.getByText('First shop flow').waitFor();
    await versions.locator('.version.live', { hasText: 'Version 1' }).waitFor();

    const web1 = await sendWeb(server.url, botId, { conversationId: 'w1', text: 'hi' });
    expect(web1.replies.map((r) => r.text)).toEqual(['Welcome to the shoe shop, w1', 'What are you looking for?']);

    // Version 2 says something else.
    await select('message-1');
    await inspector().getByLabel('Text', { exact: true }).fill('Hello again from version two');
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('All changes saved');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.locator('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
    await versions.locator('.version.live', { hasText: 'Version 2' }).waitFor();
    const web2 = await sendWeb(server.url, botId, { conversationId: 'w2', text: 'hi' });
    expect(web2.replies[0]?.text).toBe('Hello again from version two');
    await versions.locator('.version.live').getByRole('button', { name: 'What changed' }).click();
    await versions.getByText('1 edited').waitFor();

    await versions.locator('.version', { hasText: 'Version 1' }).getByRole('button', { name: 'Roll back to this' }).click();
    await versions.locator('.version.live', { hasText: 'Version 3' }).waitFor();
    const web3 = await sendWeb(server.url, botId, { conversationId: 'w3', text: 'hi' });
    expect(web3.replies[0]?.text).toBe('Welcome to the shoe shop, w3');
    // The rolled-back flow is the draft on screen too.
    await expect.poll(() => node('message-1').locator('.step-summary').textContent()).toContain('Welcome to the shoe shop');
  });

  it('refuses to overwrite a draft saved elsewhere, and loads theirs when asked', async () => {
    const draft = await api('GET', `/api/bots/${botId}/flow`);
    const { flow, revision } = draft.body as { flow: { nodes: { id: string; data: Record<string, unknown> }[] }; revision: number };
    const theirs = { ...flow, nodes: flow.nodes.map((n) => (n.id === 'message-2' ? { ...n, data: { text: 'Edited in another tab' } } : n)) };
    expect((await api('PUT', `/api/bots/${botId}/flow`, { flow: theirs, revision })).status).toBe(200);

    await select('message-1');
    await inspector().getByLabel('Text', { exact: true }).fill('My edit');
    await page.getByText('This bot was changed elsewhere').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('save-state').textContent()).toBe('Not saved: edited elsewhere');
    await page.getByRole('button', { name: 'Load their version' }).click();
    await page.locator('dialog').getByRole('button', { name: 'Load their version' }).click();
    await expect.poll(() => node('message-2').locator('.step-summary').textContent()).toContain('Edited in another tab');
  });

  it('is driven from the keyboard: find, delete, undo, copy and paste', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+f');
    await page.keyboard.type('receipt');
    await page.keyboard.press('Enter');
    await expect.poll(() => node('ask-1').locator('.step').getAttribute('class')).toContain('selected');
    await node('ask-1').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => node('ask-1').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await node('ask-1').waitFor();
    expect(await page.locator('.react-flow__edge').count()).toBe(5);
    await node('ask-1').locator('.step-title').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await node('ask-2').waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(() => node('ask-2').count()).toBe(0);

    // Outputs are connected from the inspector too, without a mouse.
    await select('buttons-1');
    const edges = await page.locator('.react-flow__edge').count();
    await inspector().getByLabel('Talk to us', { exact: true }).selectOption('message-2');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edges + 1);
    await inspector().getByLabel('Talk to us', { exact: true }).selectOption('');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edges);
  });

  it('loads Monaco only when the JSON view opens, with the flow checked against its JSON Schema', async () => {
    const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.endsWith('.js')));
    const before = await scripts();
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const dialog = page.locator('dialog');
    await dialog.locator('.monaco-editor .view-lines', { hasText: 'schemaVersion' }).waitFor({ timeout: 20_000 });
    const loaded = (await scripts()).filter((name) => !before.includes(name));
    expect(loaded.some((name) => /json\.worker/.test(name))).toBe(true);
    expect(loaded.length).toBeGreaterThan(1);
    // The schema knows the format version: 3 is marked as wrong.
    await dialog.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('3,');
    await dialog.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.getByRole('alert').getByText(/newer Parley/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('reported no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
