import { loadExampleBots } from '@parley/examples';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBot, importProducts, publishBot, saveDraft } from '../bots/service';
import { type TestParley, testParley } from '../testing';

let parley: TestParley;

function loadQuizBench() {
  const example = loadExampleBots().find((bot) => bot.id === 'quiz-bench');
  if (!example) throw new Error('quiz-bench example missing');
  const created = createBot(parley.deps, { id: example.id, name: example.name, flow: example.flow });
  expect(created.ok).toBe(true);
  expect(importProducts(parley.deps, example.id, { contentType: 'application/json', body: JSON.stringify(example.products) }).ok).toBe(true);
  expect(publishBot(parley.deps, example.id, { note: 'v1' }).ok).toBe(true);
  return example;
}

const say = (conversationId: string, text: string, extra: Record<string, unknown> = {}) =>
  parley.request('POST', '/webhooks/web/quiz-bench', { conversationId, text, ...extra });

const count = (table: string) => Number(parley.deps.store.sqlite.prepare(`select count(*) as n from ${table}`).pluck().get());

beforeEach(() => {
  parley = testParley();
  loadQuizBench();
});
afterEach(() => parley.close());

describe('web channel', () => {
  it('runs the quiz to the cards, then starts over', async () => {
    const first = await (await say('c1', 'hi')).json();
    expect(first.replies).toEqual([{ type: 'buttons', text: 'What is your skin type?', buttons: [{ title: 'dry', payload: 'dry' }, { title: 'oily', payload: 'oily' }, { title: 'combination', payload: 'combination' }] }]);
    expect((await (await say('c1', 'dry')).json()).replies[0].text).toBe('Which finish do you like?');
    const miss = await (await say('c1', 'glitter')).json();
    expect(miss.replies).toEqual([{ type: 'text', text: 'Please pick one of: matte, dewy' }]);
    expect((await (await say('c1', 'Matte')).json()).replies[0].text).toBe('What is your budget?');
    const last = await (await say('c1', 'under 30')).json();
    expect(last.ended).toBe(true);
    expect(last.replies[0]).toEqual({ type: 'text', text: 'Here is what we recommend:' });
    expect(last.replies[1].cards.map((card: { title: string; subtitle: string }) => `${card.title} ${card.subtitle}`)).toEqual([
      'Hydra Glow Foundation $28',
      'Velvet Matte Foundation $34',
      'Balance Tint $22',
    ]);
    expect(last.replies[1].cards[0].buttons).toEqual([{ action: 'postback', title: 'Buy', payload: 'buy:F1' }]);
    expect((await (await say('c1', 'hi')).json()).replies[0].text).toBe('What is your skin type?');
  });

  it('stores every turn before answering: session, transcript and events', async () => {
    await say('c2', 'hi');
    await say('c2', 'oily');
    const rows = parley.deps.store.sqlite.prepare('select kind, inbound, replies, state from turns order by id').all();
    expect(rows).toHaveLength(2);
    const [first, second] = rows.map((row) => z.object({ kind: z.string(), inbound: z.string(), replies: z.string(), state: z.string() }).parse(row));
    expect(JSON.parse(first?.inbound ?? '')).toEqual({ kind: 'text', text: 'hi' });
    expect(JSON.parse(first?.replies ?? '')[0].type).toBe('buttons');
    expect(JSON.parse(second?.state ?? '').vars.skin).toBe('oily');
    expect(count('turns where session_id is not null and flow_version_id is not null')).toBe(2);
    expect(count('conversations')).toBe(1);
  });

  it('survives a restart: the next turn continues from the stored state', async () => {
    await say('c9', 'hi');
    await say('c9', 'dry');
    parley.deps.directory.conversations.forgetBot('quiz-bench');
    expect((await (await say('c9', 'matte')).json()).replies[0].text).toBe('What is your budget?');
    const last = await (await say('c9', 'under 30')).json();
    expect(last.ended).toBe(true);
    expect(JSON.parse(String(parley.deps.store.sqlite.prepare('select state from turns order by id desc limit 1').pluck().get())).status).toBe('ended');
  });

  it('answers a repeated messageId from the store without running the flow again', async () => {
    await say('c3', 'hi');
    const first = await (await say('c3', 'dry', { messageId: 'm-1' })).json();
    const again = await (await say('c3', 'dry', { messageId: 'm-1' })).json();
    expect(again.replies).toEqual(first.replies);
    expect(again.duplicate).toBe(true);
    expect(count('turns')).toBe(2);
    const elsewhere = await say('c4', 'dry', { messageId: 'm-1' });
    expect(elsewhere.status).toBe(409);
  });

  it('handles back-to-back messages of one conversation strictly in order', async () => {
    const answers = await Promise.all(['hi', 'dry', 'matte', 'under 30'].map((text) => say('c5', text).then((r) => r.json())));
    expect(answers.map((a) => a.replies[0].text)).toEqual(['What is your skin type?', 'Which finish do you like?', 'What is your budget?', 'Here is what we recommend:']);
  });

  it('runs many conversations at once, each durable', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `many-${i}`);
    const answers = await Promise.all(ids.map((id) => say(id, 'hi')));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(count('conversations')).toBe(50);
    expect(count('(select distinct session_id from turns)')).toBe(50);
  });

  it('keeps a conversation on the flow version it started on', async () => {
    await say('old', 'hi');
    const example = loadExampleBots().find((bot) => bot.id === 'quiz-bench');
    const flow = JSON.parse(JSON.stringify(example?.flow).replace('Which finish do you like?', 'Matte or dewy?'));
    expect(saveDraft(parley.deps, 'quiz-bench', flow).ok).toBe(true);
    expect(publishBot(parley.deps, 'quiz-bench', { note: 'v2' }).ok).toBe(true);
    expect((await (await say('old', 'dry')).json()).replies[0].text).toBe('Which finish do you like?');
    await say('new', 'hi');
    expect((await (await say('new', 'dry')).json()).replies[0].text).toBe('Matte or dewy?');
  });

  it('rejects bad input with a clear 4xx naming the field, and stores nothing', async () => {
    const malformed = await parley.request('POST', '/webhooks/web/quiz-bench', '{"conversationId": ');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.message).toMatch(/JSON/);
    const missing = await parley.request('POST', '/webhooks/web/quiz-bench', { text: 'hi' });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.field).toBe('conversationId');
    const wrongType = await parley.request('POST', '/webhooks/web/quiz-bench', { conversationId: 'x', text: 42 });
    expect((await wrongType.json()).error.field).toBe('text');
    const noText = await parley.request('POST', '/webhooks/web/quiz-bench', { conversationId: 'x' });
    expect(noText.status).toBe(400);
    const form = await parley.request('POST', '/webhooks/web/quiz-bench', 'text=hi', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const unknown = await parley.request('POST', '/webhooks/web/no-such-bot', { conversationId: 'x', text: 'hi' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toContain('no-such-bot');
    expect(count('turns')).toBe(0);
  });
});

describe('web channel transcript', () => {
  it("lists what the customer sent beside the replies, by turn, for a widget restoring it", async () => {
    await say('t1', 'hi');
    await parley.request('POST', '/webhooks/web/quiz-bench', { conversationId: 't1', payload: 'dry', title: 'Dry skin' });
    const response = await parley.request('GET', '/webhooks/web/quiz-bench/conversations/t1/messages');
    const body = (await response.json()) as { messages: { id: number; reply: { type: string } }[]; sent: { id: number; text: string }[] };
    expect(body.sent.map((s) => s.text)).toEqual(['hi', 'Dry skin']);
    expect(body.sent.map((s) => s.id)).toEqual([...new Set(body.messages.map((m) => m.id))]);
    const later = (await (await parley.request('GET', `/webhooks/web/quiz-bench/conversations/t1/messages?after=${body.sent[0]?.id}`)).json()) as typeof body;
    expect(later.sent.map((s) => s.text)).toEqual(['Dry skin']);
  });
});
