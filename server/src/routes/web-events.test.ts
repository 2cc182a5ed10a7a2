import { loadExampleBots } from '@parley/examples';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, deleteBot, importProducts, publishBot } from '../bots/service';
import { type TestParley, testParley } from '../testing';
import { webEventRoutes } from './web-events';
import { createWebLive } from './web-live';

let parley: TestParley;

interface WebReply {
  type: string;
  text?: string;
  buttons?: { title: string; payload: string; action?: string }[];
  cards?: { title: string; buttons: { title: string; payload?: string; action: string }[] }[];
  url?: string;
  paymentId?: string;
}

beforeEach(() => {
  parley = testParley();
  const example = loadExampleBots().find((bot) => bot.id === 'beauty-quiz');
  if (!example) throw new Error('beauty-quiz example missing');
  expect(createBot(parley.deps, { id: example.id, name: example.name, flow: example.flow }).ok).toBe(true);
  expect(importProducts(parley.deps, example.id, { contentType: 'application/json', body: JSON.stringify(example.products) }).ok).toBe(true);
  expect(publishBot(parley.deps, example.id, { note: 'v1' }).ok).toBe(true);
});
afterEach(() => parley.close());

const send = async (conversationId: string, message: Record<string, unknown>): Promise<WebReply[]> => {
  const response = await parley.app.request('/webhooks/web/beauty-quiz', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ conversationId, ...message }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { replies: WebReply[] }).replies;
};
const tap = (conversationId: string, replies: WebReply[], title: string) => {
  const button = replies.flatMap((reply) => reply.buttons ?? []).find((b) => b.title === title);
  if (!button) throw new Error(`no button ${title}`);
  return send(conversationId, { payload: button.payload, title: button.title });
};

/** Walks the quiz to its checkout link; answers the payment reply. */
async function toCheckout(conversationId: string): Promise<WebReply> {
  const skin = await send(conversationId, { text: 'hi' });
  const finish = await tap(conversationId, skin, 'Dry');
  const budget = await tap(conversationId, finish, 'Dewy');
  const picks = await tap(conversationId, budget, '$30 to $60');
  const buy = picks.find((reply) => reply.type === 'cards')?.cards?.[0]?.buttons.find((b) => b.action === 'postback');
  const checkout = await send(conversationId, { payload: buy?.payload, title: buy?.title });
  const payment = checkout.find((reply) => reply.type === 'payment');
  if (!payment?.paymentId) throw new Error(`no payment in ${JSON.stringify(checkout)}`);
  return payment;
}

/** An open event stream, read chunk by chunk until what the test waits for has arrived. */
async function openEvents(conversationId: string, headers: Record<string, string> = {}, query = '') {
  const response = await parley.app.request(`/webhooks/web/beauty-quiz/conversations/${conversationId}/events${query}`, { headers: { origin: 'https://shop.example', ...headers } });
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  let text = '';
  return {
    response,
    async until(predicate: (text: string) => boolean, ms = 5_000): Promise<string> {
      const deadline = Date.now() + ms;
      while (!predicate(text)) {
        if (Date.now() > deadline) throw new Error(`timed out; stream so far:\n${text}`);
        const chunk = await Promise.race([reader.read(), new Promise<undefined>((resolve) => setTimeout(resolve, deadline - Date.now()))]);
        if (chunk?.done) break;
        if (chunk?.value) text += decoder.decode(chunk.value, { stream: true });
      }
      return text;
    },
    close: () => reader.cancel(),
  };
}

const events = (text: string) =>
  text
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => ({ id: Number(/^id: ?(\d+)/m.exec(block)?.[1]), data: JSON.parse(/^data: ?(.*)$/m.exec(block)?.[1] ?? 'null') as { id: number; replies: WebReply[] } }));

describe('web channel live events', () => {
  it('streams the paid message as the checkout settles it, and skips what the customer was answered', async () => {
    const payment = await toCheckout('live-1');
    const stream = await openEvents('live-1');
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.response.headers.get('access-control-allow-origin')).toBe('*');
    await stream.until((text) => text.includes(': live'));
    const paid = await parley.app.request(`/checkout/${payment.paymentId}/pay`, { method: 'POST' });
    expect(paid.status).toBe(303);
    const text = await stream.until((t) => t.includes('event: message'));
    await stream.close();
    const [event, ...more] = events(text);
    expect(more).toHaveLength(0);
    expect(event?.data.replies[0]?.text).toContain('Thank you, your order is confirmed!');
    expect(event?.data.replies[0]?.text).toContain(payment.paymentId);
    // The event's id is the turn's, as the messages endpoint numbers it.
    const listed = (await (await parley.app.request('/webhooks/web/beauty-quiz/conversations/live-1/messages')).json()) as { messages: { id: number }[] };
    expect(event?.id).toBe(listed.messages.at(-1)?.id);
    expect(event?.data.id).toBe(event?.id);
  });

  it('delivers turns committed outside the routes (the scheduler, a back-in-stock notice) by polling the log', async () => {
    await send('live-2', { text: 'hi' });
    const stream = await openEvents('live-2');
    await stream.until((text) => text.includes(': live'));
    const conversationId = String(parley.deps.store.sqlite.prepare("select id from conversations where external_key = 'live-2'").pluck().get());
    // deps.pipeline is the one the scheduler holds: it rings no doorbell.
    const notified = await parley.deps.pipeline.notify(conversationId, [{ type: 'text', text: 'Back in stock: Dewy Skin Tint' }], { reason: 'back_in_stock' });
    expect(notified.ok).toBe(true);
    const text = await stream.until((t) => t.includes('event: message'), 4_000);
    await stream.close();
    expect(events(text).map((e) => e.data.replies[0]?.text)).toEqual(['Back in stock: Dewy Skin Tint']);
  });

  it('keeps polling after deleting a bot took the newest turns away (their ids are given again)', async () => {
    await send('live-3', { text: 'hi' });
    const example = loadExampleBots().find((bot) => bot.id === 'beauty-quiz');
    if (!example) throw new Error('beauty-quiz example missing');
    expect(createBot(parley.deps, { id: 'pop-up', name: 'Pop-up', flow: example.flow }).ok).toBe(true);
    expect(publishBot(parley.deps, 'pop-up', { note: 'v1' }).ok).toBe(true);
    for (const text of ['hi', 'hi', 'hi']) {
      const response = await parley.app.request('/webhooks/web/pop-up', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ conversationId: 'elsewhere', text }) });
      expect(response.status).toBe(200);
    }
    const stream = await openEvents('live-3');
    await stream.until((text) => text.includes(': live'));
    const newest = () => Number(parley.deps.store.sqlite.prepare('select max(id) from turns').pluck().get());
    const before = newest();
    expect(deleteBot(parley.deps, 'pop-up').ok).toBe(true);
    const conversationId = String(parley.deps.store.sqlite.prepare("select id from conversations where external_key = 'live-3'").pluck().get());
    const notified = await parley.deps.pipeline.notify(conversationId, [{ type: 'text', text: 'Back in stock: Dewy Skin Tint' }], { reason: 'back_in_stock' });
    expect(notified.ok).toBe(true);
    // The notice took an id the deleted bot's turns had: no newer than what the poll saw last.
    expect(newest()).toBeLessThanOrEqual(before);
    const text = await stream.until((t) => t.includes('event: message'), 4_000);
    await stream.close();
    expect(events(text).map((e) => e.data.replies[0]?.text)).toEqual(['Back in stock: Dewy Skin Tint']);
  });

  it('resumes after Last-Event-ID or ?after, so nothing is missed or repeated', async () => {
    await send('live-3', { text: 'hi' });
    const conversationId = String(parley.deps.store.sqlite.prepare("select id from conversations where external_key = 'live-3'").pluck().get());
    for (const text of ['first', 'second', 'third']) expect((await parley.deps.pipeline.notify(conversationId, [{ type: 'text', text }], { reason: 'agent', by: 'Ana' })).ok).toBe(true);
    const all = await openEvents('live-3');
    const everything = events(await all.until((t) => (t.match(/event: message/g) ?? []).length === 3));
    await all.close();
    expect(everything.map((e) => e.data.replies[0]?.text)).toEqual(['first', 'second', 'third']);
    const firstId = everything[0]?.id ?? 0;

    const resumed = await openEvents('live-3', { 'last-event-id': String(firstId) }, '?after=0');
    const rest = events(await resumed.until((t) => (t.match(/event: message/g) ?? []).length === 2));
    await resumed.close();
    expect(rest.map((e) => e.data.replies[0]?.text)).toEqual(['second', 'third']);

    const after = await openEvents('live-3', {}, `?after=${everything[2]?.id}`);
    await after.until((t) => t.includes(': live'));
    await parley.deps.pipeline.notify(conversationId, [{ type: 'text', text: 'fourth' }], { reason: 'agent' });
    const latest = events(await after.until((t) => t.includes('event: message')));
    await after.close();
    expect(latest.map((e) => e.data.replies[0]?.text)).toEqual(['fourth']);
  });

  it('sends heartbeats while quiet', async () => {
    await send('live-4', { text: 'hi' });
    // The same routes with a beat fast enough for a test (the app's is 15 s).
    const app = webEventRoutes(parley.deps, createWebLive(parley.deps.store), { heartbeatMs: 50 });
    const response = await app.request('/beauty-quiz/conversations/live-4/events');
    const reader = response.body?.getReader();
    let text = '';
    while (!text.includes(': heartbeat')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    await reader?.cancel();
    expect(text).toContain(': heartbeat');
    expect(text).not.toContain('event: message');
  });

  it('is 404 for a conversation that does not exist, and 400 for a bad `after`', async () => {
    const unknown = await parley.app.request('/webhooks/web/beauty-quiz/conversations/nobody/events');
    expect(unknown.status).toBe(404);
    await send('live-5', { text: 'hi' });
    const bad = await parley.app.request('/webhooks/web/beauty-quiz/conversations/live-5/events?after=minus');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('after');
  });
});
