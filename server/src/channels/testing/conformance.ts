import { loadExampleBots } from '@parley/examples';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBot, importProducts, publishBot } from '../../bots/service';
import { type TestParley, testParley } from '../../testing';
import { profileLookupsIdle } from '../profiles';
import { type PlatformAnswer, type RecordedCall, type StandIn, startStandIn } from './stand-in';

/** A webhook request as the platform would send it. */
export interface Payload {
  body: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

/** `valid`: signed with the bot's secret; `none`: the signature left out; `wrong`: signed with another secret. */
export type Signing = 'valid' | 'none' | 'wrong';

/** Something the customer can tap (or, where the app shows numbered options, type). */
export interface Choice {
  label: string;
  /** The card the choice sits on, for card buttons. */
  card?: string;
  tap(customer: string, seq: number): Payload;
}

/** What the customer saw, read back from the platform calls or the webhook's answers. */
export interface Seen {
  texts: string[];
  choices: Choice[];
  links: string[];
}

export type Output = { kind: 'call'; call: RecordedCall } | { kind: 'answer'; contentType: string; body: string };

export interface ConformanceSpec {
  channel: string;
  /** Names a second run of the suite with another connection. */
  variant?: string;
  /** The bot's connection, as an admin would PUT it. */
  connection: Record<string, unknown>;
  /** Env variables pointed at the stand-in. */
  apiEnv: readonly string[];
  /** Whether the platform's signature covers the body (HMAC), so an altered body must be refused. */
  bodySigned: boolean;
  sign(payload: Payload, signing: Signing): Payload;
  /** Changes one character of what the customer said, leaving the signature as it was. */
  alter?(body: string): string;
  /** The platform's API: checks each call the way the platform does (400 with its reason) and answers. */
  platform(call: RecordedCall): PlatformAnswer;
  /** A documented webhook payload of a customer's text message; `seq` makes its message id unique. */
  text(customer: string, text: string, seq: number): Payload;
  /** A delivery or read receipt, and the event it is recorded as. */
  status?(customer: string, seq: number): { payload: Payload; event: string };
  /** The GET verification handshake, where the platform has one. */
  handshake?: { valid: Record<string, string>; wrong: Record<string, string>; answer: string };
  view(outputs: readonly Output[]): Seen;
  /** The webhook's answer carries the replies (WeChat, KakaoTalk). */
  answersWebhook?: boolean;
  /** Checks a webhook answer the way the platform would take it: the reason it would refuse it. */
  checkAnswer?(body: string, contentType: string): string | undefined;
  /** KakaoTalk: no push API, so replies to the payment come with the next answer. */
  holdsLaterReplies?: boolean;
  /** The platform's profile API, for apps whose webhooks carry no name: its answer to a lookup, undefined for other calls. */
  profile?(call: RecordedCall): PlatformAnswer | undefined;
  /** The name the profile API gives the customer (none: the contact stays nameless). */
  profileName?: string;
  /** KakaoTalk's skill requests carry no message id, so there is nothing to dedupe on. */
  withoutMessageIds?: boolean;
}

function loadBeautyQuiz(parley: TestParley) {
  const example = loadExampleBots().find((bot) => bot.id === 'beauty-quiz');
  if (!example) throw new Error('beauty-quiz example missing');
  const created = createBot(parley.deps, { id: example.id, name: example.name, description: example.description, flow: example.flow });
  if (!created.ok) throw new Error(created.error.message);
  const imported = importProducts(parley.deps, example.id, { contentType: 'application/json', body: JSON.stringify(example.products) });
  if (!imported.ok) throw new Error(imported.error.message);
  const published = publishBot(parley.deps, example.id, { note: 'conformance' });
  if (!published.ok) throw new Error(published.error.message);
}

const count = (parley: TestParley, sql: string) => Number(parley.deps.store.sqlite.prepare(`select count(*) from ${sql}`).pluck().get());

/**
 * The conformance suite every channel passes: documented payloads in, signatures required, repeats
 * ignored, every send accepted by the platform's stand-in, and the beauty quiz from hello to paid.
 */
export function describeConformance(spec: ConformanceSpec) {
  describe(`${spec.channel} conformance${spec.variant ? ` (${spec.variant})` : ''}`, () => {
    let standIn: StandIn;
    let parley: TestParley;
    let outputs: Output[] = [];
    let seq = 1000;
    const refused: string[] = [];
    const lookups: RecordedCall[] = [];

    beforeAll(async () => {
      standIn = await startStandIn((call) => {
        // Profile lookups run beside the turns: counted apart from what the customer sees.
        const profile = spec.profile?.(call);
        if (profile) {
          lookups.push(call);
          return profile;
        }
        const answer = spec.platform(call);
        if ((answer.status ?? 200) >= 400) refused.push(`${call.path}: ${answer.text ?? JSON.stringify(answer.json)}`);
        outputs.push({ kind: 'call', call });
        return answer;
      });
    });
    afterAll(() => standIn.close());
    beforeEach(async () => {
      outputs = [];
      refused.length = 0;
      lookups.length = 0;
      parley = testParley({}, Object.fromEntries(spec.apiEnv.map((name) => [name, standIn.url])));
      loadBeautyQuiz(parley);
      const connected = await parley.request('PUT', `/api/bots/beauty-quiz/channels/${spec.channel}`, spec.connection);
      expect(connected.status, await connected.clone().text()).toBe(200);
    });
    afterEach(() => parley.close());

    async function post(payload: Payload): Promise<Response> {
      const query = payload.query ? `?${new URLSearchParams(payload.query)}` : '';
      const response = await parley.app.request(`/webhooks/${spec.channel}/beauty-quiz${query}`, { method: 'POST', headers: payload.headers, body: payload.body });
      const body = await response.clone().text();
      if (response.status === 200) {
        const contentType = response.headers.get('content-type') ?? '';
        const problem = spec.checkAnswer?.(body, contentType);
        if (problem !== undefined) refused.push(`webhook answer: ${problem}`);
        outputs.push({ kind: 'answer', contentType, body });
      }
      return response;
    }

    /** Sends a signed payload and returns what the customer saw in response. */
    async function act(payload: Payload): Promise<Seen> {
      const from = outputs.length;
      const response = await post(spec.sign(payload, 'valid'));
      expect(response.status, await response.clone().text()).toBe(200);
      await parley.deps.dispatch.idle();
      await profileLookupsIdle(parley.deps.store);
      expect(refused).toEqual([]);
      return spec.view(outputs.slice(from));
    }

    function pick(seen: Seen, label: string, card?: string): Choice {
      const found =
        card === undefined
          ? seen.choices.find((choice) => choice.label === label)
          : (seen.choices.find((choice) => choice.label === label && choice.card === card) ??
            // Apps without card buttons number the cards: typing a card's number picks it.
            seen.choices.find((choice) => choice.label === card));
      if (!found) throw new Error(`no choice "${label}"${card ? ` on "${card}"` : ''}; the customer saw ${JSON.stringify(seen.choices.map((c) => [c.card, c.label]))}`);
      return found;
    }

    it('refuses unsigned, wrongly signed and altered requests with 401, running and sending nothing', async () => {
      const payload = spec.text('c-unsigned', 'hello there', ++seq);
      for (const signing of ['none', 'wrong'] as const) {
        const response = await post(spec.sign(payload, signing));
        expect(response.status, signing).toBe(401);
        expect((await response.json()).error.code).toBe('unauthorized');
      }
      if (spec.bodySigned) {
        const signed = spec.sign(payload, 'valid');
        const altered = { ...signed, body: (spec.alter ?? ((body: string) => body.replace('hello there', 'hello thera')))(signed.body) };
        expect(altered.body).not.toBe(signed.body);
        expect((await post(altered)).status).toBe(401);
      }
      await parley.deps.dispatch.idle();
      expect(count(parley, 'turns')).toBe(0);
      expect(outputs.filter((o) => o.kind === 'call')).toEqual([]);
    });

    it('runs a signed message once: a repeat of the same message id runs and sends nothing new', async () => {
      const payload = spec.text('c-once', 'hi', ++seq);
      const first = await act(payload);
      expect(first.texts.join('\n')).toContain("I'm the Petal & Pine shade helper");
      expect(count(parley, 'turns')).toBe(1);
      if (spec.withoutMessageIds) return;
      const calls = outputs.filter((o) => o.kind === 'call').length;
      const again = await act(payload);
      // A synchronous channel answers a platform's retry with the stored replies; a push channel is silent.
      expect(again.texts).toEqual(spec.answersWebhook ? first.texts : []);
      expect(outputs.filter((o) => o.kind === 'call').length).toBe(calls);
      expect(count(parley, 'turns')).toBe(1);
      expect(count(parley, "events where type = 'channel.send_failed'")).toBe(0);
    });

    if (spec.status) {
      const status = spec.status;
      it('records delivery and read receipts as events, running nothing', async () => {
        await act(spec.text('c-status', 'hi', ++seq));
        const { payload, event } = status('c-status', ++seq);
        await act(payload);
        expect(count(parley, 'turns')).toBe(1);
        expect(count(parley, `events where type = 'channel.${event}' and conversation_id is not null`)).toBe(1);
      });
    }

    if (spec.profile) {
      it("looks the customer's name up once in the profile API, after the turn", async () => {
        await act(spec.text('c-profile', 'hi', ++seq));
        await act(spec.text('c-profile', 'hi again', ++seq));
        expect(lookups).toHaveLength(1);
        // The test's one customer.
        const name = parley.deps.store.sqlite.prepare('select name from contacts where channel = ?').pluck().get(spec.channel);
        expect(name).toBe(spec.profileName ?? null);
        expect(refused).toEqual([]);
      });
    }

    if (spec.handshake) {
      const handshake = spec.handshake;
      it('answers the GET verification handshake only with the right token', async () => {
        const valid = await parley.app.request(`/webhooks/${spec.channel}/beauty-quiz?${new URLSearchParams(handshake.valid)}`);
        expect(valid.status).toBe(200);
        expect(await valid.text()).toBe(handshake.answer);
        const wrong = await parley.app.request(`/webhooks/${spec.channel}/beauty-quiz?${new URLSearchParams(handshake.wrong)}`);
        expect(wrong.status).toBe(403);
      });
    }

    it('runs the beauty quiz from hello to a paid order', async () => {
      const customer = 'c-quiz';
      const hello = await act(spec.text(customer, 'hi', ++seq));
      expect(hello.texts.join('\n')).toContain('How does your skin usually feel by midday?');
      expect(hello.choices.map((c) => c.label)).toEqual(expect.arrayContaining(['Dry', 'Oily', 'Combination', 'Normal']));
      const finish = await act(pick(hello, 'Dry').tap(customer, ++seq));
      expect(finish.texts.join('\n')).toContain('Which finish do you love?');
      const budget = await act(pick(finish, 'Dewy').tap(customer, ++seq));
      expect(budget.texts.join('\n')).toContain('how much would you like to spend?');
      const picks = await act(pick(budget, '$30 to $60').tap(customer, ++seq));
      expect(picks.texts.join('\n')).toContain('Here are my top picks for you (Dry skin · Dewy finish · $30 to $60)');
      expect(picks.links).toContain('https://petalandpine.example/foundation/dewdrop-hydrating');
      const checkout = await act(pick(picks, 'Buy', 'Dewdrop Hydrating Foundation').tap(customer, ++seq));
      expect(checkout.texts.join('\n')).toContain('Here is your secure checkout for Dewdrop Hydrating Foundation: 42 USD.');
      const link = checkout.links.find((url) => url.includes('/checkout/'));
      expect(link).toBeDefined();

      const from = outputs.length;
      const paid = await parley.request('POST', `${new URL(link ?? '').pathname}/pay`);
      expect(paid.status).toBe(303);
      await parley.deps.dispatch.idle();
      const after = spec.holdsLaterReplies ? await act(spec.text(customer, 'hi', ++seq)) : spec.view(outputs.slice(from));
      expect(refused).toEqual([]);
      expect(after.texts.join('\n')).toContain('Thank you, your order is confirmed!');
      expect(after.texts.join('\n')).toContain('Total paid: 42 USD');
      expect(count(parley, "events where type = 'channel.send_failed'")).toBe(0);
    });
  });
}
