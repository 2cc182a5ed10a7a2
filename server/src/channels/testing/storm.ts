import { Agent, request } from 'node:http';
import { type ServerType, serve } from '@hono/node-server';
import { loadExampleBots } from '@parley/examples';
import { z } from 'zod';
import { createBot, publishBot } from '../../bots/service';
import { type TestParley, testParley } from '../../testing';
import { telegramText } from '../telegram/fixtures';
import { type StandIn, startStandIn } from './stand-in';

/**
 * A redelivery storm on Telegram: many customers each answer the quiz, and every update is posted
 * several times at once (as a platform does when its first delivery seems lost), through a real HTTP
 * port. A local stand-in of the Bot API records what Parley sends. Shared by the storm test and
 * `server/bench/storm.ts`.
 */
export const STORM_BOT_TOKEN = '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
export const STORM_SECRET = 'storm-webhook-secret-0c41e9';
/** What each customer types, and the question the quiz-bench flow answers each with. */
export const STORM_SCRIPT: readonly { text: string; reply: string }[] = [
  { text: 'hi', reply: 'What is your skin type?' },
  { text: 'dry', reply: 'Which finish do you like?' },
  { text: 'matte', reply: 'What is your budget?' },
];
const FIRST_CHAT = 500_000_000;

export interface StormOptions {
  conversations: number;
  /** Copies of each update, posted at once. */
  copies: number;
  /** Customers writing at the same time. */
  inFlight: number;
}

export interface StormFigures {
  webhooks: number;
  /** Answers other than 200, as `status: body`. */
  refused: string[];
  /** Acknowledgement latency of every webhook, ms, sorted. */
  latenciesMs: number[];
  /** From the first post to the last acknowledgement. */
  acknowledgedInMs: number;
  /** From the first post to the last reply received by the stand-in. */
  deliveredInMs: number;
}

export interface StormRig {
  parley: TestParley;
  standIn: StandIn;
  url: string;
  chatId(index: number): number;
  close(): Promise<void>;
}

const sentMessage = z.object({ chat_id: z.number(), text: z.string() });

/** Parley on a file store behind a real port, with the quiz bot connected to Telegram at the stand-in. */
export async function startStormRig(dbPath: string, connection: Record<string, unknown> = {}): Promise<StormRig> {
  const standIn = await startStandIn((call) => ({ json: { ok: true, result: { message_id: standIn.calls.length, date: 1735689600, chat: { id: sentMessage.safeParse(call.json).data?.chat_id ?? 0, type: 'private' } } } }));
  const parley = testParley({}, { PARLEY_TELEGRAM_API_URL: standIn.url, PARLEY_DB: dbPath, PARLEY_LOG: 'silent' });
  const example = loadExampleBots().find((bot) => bot.id === 'quiz-bench');
  const created = createBot(parley.deps, { id: 'quiz', name: 'Quiz', flow: example?.flow });
  if (!created.ok) throw new Error(created.error.message);
  const published = publishBot(parley.deps, 'quiz', {});
  if (!published.ok) throw new Error(published.error.message);
  const connected = await parley.request('PUT', '/api/bots/quiz/channels/telegram', { botToken: STORM_BOT_TOKEN, secretToken: STORM_SECRET, ...connection });
  if (connected.status !== 200) throw new Error(`connecting Telegram answered ${connected.status}: ${await connected.text()}`);
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: parley.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Parley is not listening on a TCP port');
  return {
    parley,
    standIn,
    url: `http://127.0.0.1:${address.port}`,
    chatId: (index) => FIRST_CHAT + index,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await parley.close();
      await standIn.close();
    },
  };
}

/** The replies the stand-in received, per chat, in arrival order. */
export function repliesByChat(standIn: StandIn): Map<number, string[]> {
  const byChat = new Map<number, string[]>();
  for (const call of standIn.calls) {
    const message = sentMessage.safeParse(call.json);
    if (!call.path.endsWith('/sendMessage') || !message.success) continue;
    const list = byChat.get(message.data.chat_id) ?? [];
    list.push(message.data.text);
    byChat.set(message.data.chat_id, list);
  }
  return byChat;
}

async function waitFor(done: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!done() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Runs the storm: each customer's updates in turn, each posted `copies` times at once. */
export async function runStorm(rig: StormRig, options: StormOptions): Promise<StormFigures> {
  const latencies: number[] = [];
  const refused: string[] = [];
  // node:http with kept-alive sockets: the platform's side of the storm should cost little next to Parley's.
  const agent = new Agent({ keepAlive: true, maxSockets: options.inFlight * options.copies });
  const target = new URL(`${rig.url}/webhooks/telegram/quiz`);
  const post = (body: string) =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now();
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': STORM_SECRET };
      const sent = request(target, { method: 'POST', agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          latencies.push(performance.now() - started);
          if (response.statusCode !== 200) refused.push(`${response.statusCode}: ${Buffer.concat(chunks).toString('utf8')}`);
          resolve();
        });
      });
      sent.on('error', reject);
      sent.end(body);
    });
  // A platform keeps its connections open (Telegram: up to 40 by default): they are opened before the
  // clock starts, or the storm would measure a few hundred TCP handshakes queuing on a busy loop.
  await Promise.all(
    Array.from({ length: options.inFlight * options.copies }, () => new Promise<void>((resolve, reject) => request(new URL('/api/health', rig.url), { agent }, (response) => response.resume().on('end', resolve)).on('error', reject).end())),
  );
  const expected = options.conversations * STORM_SCRIPT.length;
  const started = performance.now();
  let next = 0;
  const customer = async () => {
    for (let index = next++; index < options.conversations; index = next++) {
      for (const [step, { text }] of STORM_SCRIPT.entries()) {
        const body = JSON.stringify(telegramText(index * STORM_SCRIPT.length + step + 1, rig.chatId(index), text));
        await Promise.all(Array.from({ length: options.copies }, () => post(body)));
      }
    }
  };
  await Promise.all(Array.from({ length: options.inFlight }, customer));
  const acknowledgedInMs = performance.now() - started;
  agent.destroy();
  await waitFor(() => rig.standIn.calls.length >= expected, 60_000);
  await rig.parley.deps.dispatch.idle({ retries: true });
  return { webhooks: latencies.length, refused, latenciesMs: latencies.sort((a, b) => a - b), acknowledgedInMs, deliveredInMs: performance.now() - started };
}

export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
