/**
 * The README's quick start, as a user lives it: the bundled server (`pnpm start`) on a fresh data
 * directory, the admin token printed once, the beauty-quiz bot walked over HTTP to a test payment,
 * bad requests answered with JSON errors, and everything still there after a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RunningServer,
  type WebReply,
  type WebTurn,
  buildBundle,
  cleanUp,
  printedToken,
  repoRoot,
  sendWeb,
  startServer,
  stopServer,
  tempDir,
} from './server';

interface FlowNode {
  id: string;
  type: string;
  data: Record<string, unknown>;
}
interface FlowFile {
  nodes: FlowNode[];
  edges: { source: string; sourceHandle?: string; target: string }[];
}
const flow = JSON.parse(fs.readFileSync(path.join(repoRoot, 'examples/bots/beauty-quiz/flow.json'), 'utf8')) as FlowFile;
const quizQuestions = ((flow.nodes.find((node) => node.type === 'quiz')?.data.questions ?? []) as { text: string }[]).map((q) => q.text);
const paymentNode = flow.nodes.find((node) => node.type === 'payment');
const thankYouNode = flow.nodes.find((node) => node.id === flow.edges.find((e) => e.source === paymentNode?.id && e.sourceHandle === 'paid')?.target);
/** The thank-you message up to its first template variable: what every paid customer reads. */
const thankYouOpening = String(thankYouNode?.data.text ?? '').split('{{')[0]?.trim() ?? '';

let bundle: string;
let dataDir: string;
let server: RunningServer;
let token: string;

const admin = (pathname: string, bearer = token) => fetch(`${server.url}${pathname}`, { headers: { authorization: `Bearer ${bearer}` } });

/** Taps the button titled `title` among the turn's buttons, with the payload the server sent. */
function tap(conversationId: string, turn: WebTurn, title: string) {
  const button = turn.replies.flatMap((reply) => reply.buttons ?? []).find((b) => b.title === title);
  if (!button) throw new Error(`no button "${title}" in ${JSON.stringify(turn.replies)}`);
  return sendWeb(server.url, 'beauty-quiz', { conversationId, payload: button.payload, title: button.title });
}
const buttonsOf = (turn: WebTurn) => turn.replies.find((reply) => reply.type === 'buttons');

async function messagesOf(conversationId: string, after = 0): Promise<{ id: number; reply: WebReply }[]> {
  const response = await fetch(`${server.url}/webhooks/web/beauty-quiz/conversations/${encodeURIComponent(conversationId)}/messages?after=${after}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { messages: { id: number; reply: WebReply }[] }).messages;
}

async function conversationIdOf(externalKey: string): Promise<string> {
  const response = await admin('/api/conversations?botId=beauty-quiz&limit=100');
  expect(response.status).toBe(200);
  const { conversations } = (await response.json()) as { conversations: { id: string; channel: string; externalKey: string }[] };
  const found = conversations.find((c) => c.channel === 'web' && c.externalKey === externalKey);
  if (!found) throw new Error(`no conversation ${externalKey}`);
  return found.id;
}

async function transcriptInbound(externalKey: string) {
  const response = await admin(`/api/conversations/${await conversationIdOf(externalKey)}`);
  expect(response.status).toBe(200);
  const { messages } = (await response.json()) as { messages: { direction: string; externalId: string | null; body: { kind: string; text?: string; payload?: string } }[] };
  return messages.filter((m) => m.direction === 'in');
}

beforeAll(async () => {
  bundle = await buildBundle();
  dataDir = tempDir('quickstart');
  server = await startServer({ bundle, dataDir });
  token = printedToken(server.stdout()) ?? '';
}, 40_000);

afterAll(async () => {
  await cleanUp([dataDir]);
});

describe('quick start with the bundled server', () => {
  it('prints the admin token once; it opens the admin API and a wrong one does not', async () => {
    expect(server.stdout()).toContain(`Parley is running at ${server.url}`);
    expect(token).toMatch(/^\S{16,}$/);
    const bots = await admin('/api/bots');
    expect(bots.status).toBe(200);
    const listed = JSON.stringify(await bots.json());
    for (const id of ['beauty-quiz', 'quiz-bench', 'hotel-concierge']) expect(listed).toContain(`"${id}"`);

    for (const headers of [{ authorization: `Bearer ${token}x` }, { authorization: token }, {} as Record<string, string>]) {
      const refused = await fetch(`${server.url}/api/bots`, { headers });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/json');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
  });

  it('documents the web channel in /api/openapi.json, without a token', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths['/webhooks/web/{botId}']?.post).toBeDefined();
    expect(doc.paths['/webhooks/web/{botId}/conversations/{conversationId}/messages']?.get).toBeDefined();
  });

  it('walks beauty-quiz to the cards, a test checkout, and the thank-you after paying', async () => {
    const me = 'quickstart-shopper';
    const hello = await sendWeb(server.url, 'beauty-quiz', { conversationId: me, text: 'hi' });
    expect(hello.ended).toBe(false);
    expect(buttonsOf(hello)?.text).toBe(quizQuestions[0]);
    const finish = await tap(me, hello, 'Dry');
    expect(buttonsOf(finish)?.text).toBe(quizQuestions[1]);
    const budget = await tap(me, finish, 'Dewy');
    expect(buttonsOf(budget)?.text).toBe(quizQuestions[2]);
    const picks = await tap(me, budget, '$30 to $60');

    const cards = picks.replies.find((reply) => reply.type === 'cards')?.cards ?? [];
    expect(cards.length).toBeGreaterThan(0);
    const card = cards[0];
    const buy = card?.buttons.find((b) => b.title === 'Buy' && b.action === 'postback');
    expect(buy?.payload).toBeTruthy();

    const checkout = await sendWeb(server.url, 'beauty-quiz', { conversationId: me, payload: buy?.payload, title: buy?.title });
    const payment = checkout.replies.find((reply) => reply.type === 'payment');
    expect(payment).toMatchObject({ testMode: true, currency: 'USD' });
    expect(payment?.text).toContain(card?.title);
    // The card's subtitle starts with its price: the checkout charges that.
    expect(card?.subtitle?.startsWith(`$${payment?.amount} `)).toBe(true);
    const checkoutUrl = payment?.url ?? '';
    expect(checkoutUrl).toBe(`${server.url}/checkout/${payment?.paymentId}`);

    const pageResponse = await fetch(checkoutUrl);
    expect(pageResponse.status).toBe(200);
    const page = await pageResponse.text();
    expect(page).toContain('TEST MODE');
    expect(page).toContain(card?.title ?? '?');
    const action = /formaction="([^"]+\/pay)"/.exec(page)?.[1];
    expect(action).toBe(`/checkout/${payment?.paymentId}/pay`);

    const before = await messagesOf(me);
    const lastId = before.at(-1)?.id ?? 0;
    const paid = await fetch(new URL(action ?? '', checkoutUrl), { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`/checkout/${payment?.paymentId}`);
    expect(await (await fetch(checkoutUrl)).text()).toContain('Payment paid.');

    const after = await messagesOf(me, lastId);
    expect(after).toHaveLength(1);
    const thanks = after[0]?.reply.text ?? '';
    expect(thankYouOpening.length).toBeGreaterThan(10);
    expect(thanks.startsWith(thankYouOpening)).toBe(true);
    expect(thanks).toContain(card?.title);
    expect(thanks).toContain(payment?.paymentId);

    // Paying twice settles nothing twice.
    const again = await fetch(new URL(action ?? '', checkoutUrl), { method: 'POST', redirect: 'manual' });
    expect(again.status).toBe(303);
    expect(await messagesOf(me, lastId)).toHaveLength(1);
  });

  it('answers bad requests with 4xx JSON errors that say what is wrong', async () => {
    const post = (body: string, contentType = 'application/json', bot = 'beauty-quiz') =>
      fetch(`${server.url}/webhooks/web/${bot}`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const errorOf = async (response: Response) => {
      expect(response.headers.get('content-type')).toContain('application/json');
      return ((await response.json()) as { error: { code: string; message: string; field?: string } }).error;
    };

    const malformed = await post('{"conversationId":"x","text":');
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).message).toMatch(/JSON/);

    const wrongId = await post(JSON.stringify({ conversationId: 42, text: 'hi' }));
    expect(wrongId.status).toBe(400);
    const wrongIdError = await errorOf(wrongId);
    expect(wrongIdError).toMatchObject({ code: 'invalid_input', field: 'conversationId' });
    expect(wrongIdError.message).toContain('conversationId');

    const wrongText = await post(JSON.stringify({ conversationId: 'x', text: ['hi'] }));
    expect(wrongText.status).toBe(400);
    expect(await errorOf(wrongText)).toMatchObject({ code: 'invalid_input', field: 'text' });

    const empty = await post(JSON.stringify({ conversationId: 'x' }));
    expect(empty.status).toBe(400);
    expect(await errorOf(empty)).toMatchObject({ code: 'invalid_input', field: 'text' });

    const notJson = await post('conversationId=x&text=hi', 'application/x-www-form-urlencoded');
    expect(notJson.status).toBe(415);
    expect((await errorOf(notJson)).message).toContain('application/json');

    const unknownBot = await post(JSON.stringify({ conversationId: 'x', text: 'hi' }), 'application/json', 'no-such-bot');
    expect(unknownBot.status).toBe(404);
    expect(await errorOf(unknownBot)).toMatchObject({ code: 'not_found', message: expect.stringContaining('no-such-bot') });

    const unknownConversation = await fetch(`${server.url}/webhooks/web/beauty-quiz/conversations/nobody-here/messages`);
    expect(unknownConversation.status).toBe(404);
    const badAfter = await fetch(`${server.url}/webhooks/web/beauty-quiz/conversations/quickstart-shopper/messages?after=minus-one`);
    expect(badAfter.status).toBe(400);
    expect(await errorOf(badAfter)).toMatchObject({ field: 'after' });
  });

  it('answers a repeated messageId with the same replies and runs it once', async () => {
    const me = 'quickstart-dedup';
    const first = await sendWeb(server.url, 'beauty-quiz', { conversationId: me, text: 'hi', messageId: 'msg-1' });
    const second = await sendWeb(server.url, 'beauty-quiz', { conversationId: me, text: 'hi', messageId: 'msg-1' });
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.replies).toEqual(first.replies);
    expect(await transcriptInbound(me)).toHaveLength(1);
  });

  it('survives a restart: conversations continue, the token still works, no new token is printed', async () => {
    const me = 'quickstart-restart';
    const hello = await sendWeb(server.url, 'beauty-quiz', { conversationId: me, text: 'hi' });
    const finish = await tap(me, hello, 'Oily');
    expect(buttonsOf(finish)?.text).toBe(quizQuestions[1]);
    const remembered = await sendWeb(server.url, 'beauty-quiz', { conversationId: me, text: 'Matte', messageId: 'restart-1' });
    expect(buttonsOf(remembered)?.text).toBe(quizQuestions[2]);
    const transcriptBefore = await transcriptInbound(me);
    // Another customer has a checkout link open when the server restarts.
    const payer = 'quickstart-pays-later';
    let turn = await sendWeb(server.url, 'beauty-quiz', { conversationId: payer, text: 'hi' });
    for (const title of ['Dry', 'Dewy', '$30 to $60']) turn = await tap(payer, turn, title);
    const buy = turn.replies.find((reply) => reply.type === 'cards')?.cards?.[0]?.buttons.find((b) => b.title === 'Buy');
    const openPayment = (await sendWeb(server.url, 'beauty-quiz', { conversationId: payer, payload: buy?.payload, title: 'Buy' })).replies.find((r) => r.type === 'payment');
    expect(openPayment?.url).toBeTruthy();
    const payerLastId = (await messagesOf(payer)).at(-1)?.id ?? 0;

    const stopped = await stopServer(server);
    expect(stopped).toEqual({ code: 0, signal: null });
    server = await startServer({ bundle, dataDir, port: server.port });
    expect(server.stdout()).toContain(`Parley is running at ${server.url}`);
    expect(printedToken(server.stdout())).toBeUndefined();
    expect(server.stdout()).not.toContain('Loaded example bots');

    expect((await admin('/api/bots')).status).toBe(200);
    expect(await transcriptInbound(me)).toEqual(transcriptBefore);
    // The answer to the message sent before the restart is still known by its id.
    const repeated = await sendWeb(server.url, 'beauty-quiz', { conversationId: me, text: 'Matte', messageId: 'restart-1' });
    expect(repeated).toMatchObject({ duplicate: true, replies: remembered.replies });
    // The quiz goes on at the budget question, with the answers given before the restart.
    const picks = await tap(me, remembered, 'Under $30');
    expect(picks.replies.find((reply) => reply.type === 'text')?.text).toContain('oily skin');
    expect(picks.replies.find((reply) => reply.type === 'products' || reply.type === 'cards' || reply.type === 'handoff')).toBeDefined();
    // The checkout link handed out before the restart still works, and the thank-you follows.
    const page = await fetch(openPayment?.url ?? '');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('TEST MODE');
    const paid = await fetch(`${openPayment?.url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    const thanks = await messagesOf(payer, payerLastId);
    expect(thanks.map((m) => m.reply.text?.startsWith(thankYouOpening))).toEqual([true]);
    // The paid conversation from before is still there, thank-you included.
    const paidBefore = await messagesOf('quickstart-shopper');
    expect(paidBefore.at(-1)?.reply.text?.startsWith(thankYouOpening)).toBe(true);
  });
});
