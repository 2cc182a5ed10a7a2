/**
 * The hand-off story end to end, in headless Chromium against the bundled server: a guest chats with
 * the hotel-concierge example in the web widget on the hotel's own site (another origin), gets an FAQ
 * answer, asks something the bot cannot answer and accepts a person. An agent (created by the admin
 * through the users API) has the inbox open: the conversation appears live with its SLA clock, the
 * agent claims it and replies, the guest reads the reply in the widget, then the agent resolves,
 * handing back to the bot, whose next message the guest sees. Nothing is reloaded on either side.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, signInOnFreshInstall, pageApi } from './browser';
import { type RunningServer, buildBundle, cleanUp, freePort, repoRoot, startServer, tempDir } from './server';

const SHOTS = path.join(repoRoot, 'tests/e2e/screenshots');
const PASSWORD = 'correct horse battery';
const AGENT = { name: 'Camille Desk', email: 'camille@hotel.example' };
const BOT_NAME = 'Hotel Miradouro: concierge';
const QUESTION = 'Is there a casino nearby?';
const NOTE = 'Guest seems keen on an evening out; offer the concierge desk map.';
const REPLY = 'The nearest casino is in Estoril, 40 minutes away by train from Cais do Sodré.';

let server: RunningServer;
let host: http.Server;
let hostUrl = '';
let browser: Browser;
let admin: Page;
let agent: Page;
let guest: Page;
const errors: Record<string, string[]> = {};

/** The hotel's site, with the widget of the hotel-concierge bot. */
const hotelPage = (parley: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hotel Miradouro</title></head>
<body><h1>Hotel Miradouro, Lisbon</h1>
<script src="${parley}/widget.js" data-bot="hotel-concierge" data-title="Miradouro concierge"></script>
</body></html>`;

async function newPage(name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  errors[name] = collectErrors(page);
  return page;
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(repoRoot, 'editor/dist/index.html'))) {
    const built = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: path.join(repoRoot, 'editor'), encoding: 'utf8', timeout: 180_000 });
    if (built.status !== 0) throw new Error(`Building the editor failed:\n${built.stdout}\n${built.stderr}`);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  const bundle = await buildBundle();
  server = await startServer({ bundle, dataDir: tempDir('inbox') });
  const port = await freePort();
  host = http.createServer((request, response) => {
    if (request.url !== '/') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hotelPage(server.url));
  });
  await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
  hostUrl = `http://localhost:${port}/`;
  browser = await launchBrowser();
  admin = await newPage('admin');
  agent = await newPage('agent');
  guest = await newPage('guest');
}, 240_000);

afterEach(async (test) => {
  if (test.task.result?.state !== 'fail') return;
  const name = test.task.name.slice(0, 30).replace(/\W+/g, '-');
  for (const [who, page] of Object.entries({ agent, guest })) await page?.screenshot({ path: path.join(SHOTS, `failed-inbox-${who}-${name}.png`) });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await cleanUp();
});

const widget = () => guest.locator('#parley-chat-widget');
const chat = () => widget().getByRole('log');
const inbox = () => agent.getByRole('list', { name: 'Conversations' });
const pane = () => agent.getByRole('region', { name: 'Open conversation' });

describe('a guest handed from the bot to an agent and back', { timeout: 90_000 }, () => {
  it('the admin adds an agent through the users API; the agent signs in and lands on the live inbox', async () => {
    await signInOnFreshInstall(admin, server, { name: 'Ada Admin', email: 'ada@hotel.example', password: PASSWORD });
    const created = await pageApi(admin, 'POST', '/api/users', { ...AGENT, role: 'agent', password: PASSWORD });
    expect(created.status).toBe(201);
    // The example's teams came with it: the admin sees the front desk's promise on the Teams page.
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    const frontDesk = admin.getByRole('table', { name: 'Teams' }).getByRole('row').filter({ hasText: 'Front desk' });
    expect(await frontDesk.textContent()).toContain('10 min / 120 min');
    // The admin puts the new agent on the front desk (away for now, so nothing is assigned by itself).
    await frontDesk.getByRole('button', { name: 'Edit Front desk' }).click();
    const teamDialog = admin.getByRole('dialog', { name: 'Edit Front desk' });
    await teamDialog.getByLabel(new RegExp(AGENT.name)).check();
    await admin.screenshot({ path: path.join(SHOTS, 'inbox-team-dialog.png') });
    await teamDialog.getByRole('button', { name: 'Save' }).click();
    await teamDialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await frontDesk.getByRole('cell').nth(2).textContent()) ?? '').toBe('1');
    await admin.screenshot({ path: path.join(SHOTS, 'inbox-teams-page.png') });
    // And writes the answer agents give most often, for the front desk.
    await admin.getByRole('link', { name: 'Canned responses' }).click();
    await admin.getByRole('button', { name: 'New canned response' }).click();
    await admin.getByLabel('Shortcut').fill('casino');
    await admin.getByLabel('Text').fill(REPLY);
    await admin.getByLabel('Offered in').selectOption({ label: 'Front desk' });
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.getByRole('table', { name: 'Canned responses' }).getByText('/casino').waitFor();

    await agent.goto(server.url);
    await agent.getByLabel('Email').fill(AGENT.email);
    await agent.getByLabel('Password').fill(PASSWORD);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByRole('heading', { name: 'Inbox' }).waitFor();
    expect(new URL(agent.url()).pathname).toBe('/inbox');
    // Agents do not edit bots: the main menu does not offer them.
    expect(await agent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bots' }).count()).toBe(0);
    await agent.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await agent.getByText('No conversations here.').waitFor();
    await agent.evaluate(() => Object.assign(window, { inboxNeverReloaded: true }));
  });

  it('the guest gets an FAQ answer, then asks for something else and accepts a person', async () => {
    await guest.goto(hostUrl);
    await widget().getByRole('button', { name: /Open chat: Miradouro concierge/ }).click();
    await widget().getByRole('textbox', { name: 'Your message' }).fill('hi');
    await guest.keyboard.press('Enter');
    await chat().getByRole('button', { name: 'Ask a question', exact: true }).click();
    await chat().getByText('What would you like to know?', { exact: false }).waitFor();
    await widget().getByRole('textbox', { name: 'Your message' }).fill('When can I check in?');
    await guest.keyboard.press('Enter');
    // Close to several answers: the bot asks which one was meant.
    await chat().getByText('Did you mean one of these?').waitFor();
    await chat().getByRole('button', { name: 'What time is check-in and check-out?' }).click();
    await chat().getByText('Check-in is from 3 pm and check-out is until 11 am.', { exact: false }).waitFor();
    await chat().getByText('Was this helpful?').waitFor();
    await chat().getByRole('button', { name: 'Yes', exact: true }).click();
    await chat().getByRole('button', { name: 'Another question', exact: true }).click();
    await expect.poll(() => chat().getByText('What would you like to know?', { exact: false }).count()).toBe(2);
    await widget().getByRole('textbox', { name: 'Your message' }).fill(QUESTION);
    await guest.keyboard.press('Enter');
    await chat().getByText("I'm sorry, I don't have an answer to that one.", { exact: false }).waitFor();
    await chat().getByRole('button', { name: 'Yes, please', exact: true }).click();
    await chat().getByText("I'm connecting you with our front desk team.", { exact: false }).waitFor();
    await guest.evaluate(() => Object.assign(window, { widgetNeverReloaded: true }));
  });

  it('the conversation appears live in the inbox with its SLA clock; the agent claims it and replies', async () => {
    const row = inbox().getByRole('listitem').filter({ hasText: QUESTION });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(`${BOT_NAME} · web · front-desk`);
    expect(text).toMatch(/waiting (under a minute|1 min)/);
    expect(text).toMatch(/First response: (9|10) min left/);
    expect(await agent.getByRole('button', { name: /^Waiting \d+$/ }).textContent()).toBe('Waiting1');
    expect(await agent.title()).toBe('(1) Inbox · Parley');
    expect(await agent.evaluate(() => 'inboxNeverReloaded' in window)).toBe(true);
    await agent.screenshot({ path: path.join(SHOTS, 'inbox-conversation-arrived.png') });

    await row.getByRole('button').click();
    const log = pane().getByRole('list', { name: 'Conversation' });
    await log.getByText(QUESTION).waitFor();
    await log.getByText('Check-in is from 3 pm', { exact: false }).waitFor();
    // The bot's buttons read as their titles.
    await log.getByText('Yes, please').first().waitFor();
    await pane().getByRole('button', { name: 'Claim' }).click();
    await pane().getByText(`with ${AGENT.name}`, { exact: false }).waitFor();

    // A note for colleagues first: it stays in the inbox.
    await pane().getByRole('button', { name: 'Private note' }).click();
    await pane().getByRole('textbox', { name: 'Note for agents' }).fill(NOTE);
    await pane().getByRole('textbox', { name: 'Note for agents' }).press('Enter');
    await log.locator('[data-from="note"]').filter({ hasText: NOTE }).waitFor();
    await pane().getByRole('button', { name: 'Reply', exact: true }).click();

    // The reply from the canned responses: "/" and the shortcut, Enter picks it, Enter sends it.
    const box = pane().getByRole('textbox', { name: 'Reply to the customer' });
    await box.pressSequentially('/cas');
    await pane().getByRole('listbox', { name: 'Canned responses' }).getByRole('option', { name: /\/casino/ }).waitFor();
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe(REPLY);
    await box.press('Enter');
    await log.locator('[data-from="agent"]').filter({ hasText: REPLY }).waitFor();
    await expect.poll(() => box.inputValue()).toBe('');
    // Answered: the first-response promise is kept.
    await pane().getByText('First response: met').waitFor();
    await agent.screenshot({ path: path.join(SHOTS, 'inbox-agent-replied.png') });
  });

  it('the guest reads the reply in the widget, live', async () => {
    await chat().getByText(REPLY).waitFor();
    expect(await chat().getByText(NOTE).count()).toBe(0);
    expect(await guest.evaluate(() => 'widgetNeverReloaded' in window)).toBe(true);
    await guest.screenshot({ path: path.join(SHOTS, 'inbox-guest-got-reply.png') });
  });

  it('the agent resolves, handing back to the bot, which carries on with the guest', async () => {
    const before = await chat().getByText('Anything else I can help you with?').count();
    await pane().getByRole('button', { name: 'Resolve…' }).click();
    const dialog = agent.getByRole('dialog', { name: 'Resolve the conversation' });
    await dialog.getByLabel('continues from a step').check();
    await dialog.getByLabel('Step', { exact: true }).selectOption({ label: 'Anything else?' });
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => chat().getByText('Anything else I can help you with?').count(), { timeout: 10_000 }).toBe(before + 1);

    // The inbox moved on by itself: nothing waits, and the resolved view has it.
    await agent.getByText('No conversations here.').waitFor();
    await agent.getByRole('button', { name: 'Resolved' }).click();
    await inbox().getByRole('listitem').filter({ hasText: QUESTION }).waitFor();
    // Going online for new work: the server takes it (nothing waits, so nothing is assigned).
    const presence = agent.waitForResponse((response) => response.url().endsWith('/api/inbox/presence'));
    await agent.getByRole('switch', { name: /Away/ }).check();
    expect((await presence).status()).toBe(200);
    await agent.getByRole('switch', { name: /Online/ }).waitFor();
    expect(await agent.getByRole('switch').isChecked()).toBe(true);
    await guest.screenshot({ path: path.join(SHOTS, 'inbox-guest-back-with-bot.png') });
    await agent.screenshot({ path: path.join(SHOTS, 'inbox-agent-resolved.png') });
    expect(errors).toEqual({ admin: [], agent: [], guest: [] });
  });
});
