import http from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { loadExampleBots } from '@parley/examples';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBot, importProducts, publishBot } from '../bots/service';
import { type TestParley, testParley } from '../testing';
import type { TurnPipeline } from '../turns/pipeline';
import { webMessageListener } from './web-messages';

// The listener in front of the app must answer exactly as the app's route: each request goes to a
// Parley served by it over a real socket and to a twin Parley through `app.request()`.
let served: TestParley;
let twin: TestParley;
let server: http.Server;
let base = '';
let appCalls = 0;

function withQuizBench(parley: TestParley) {
  const example = loadExampleBots().find((bot) => bot.id === 'quiz-bench');
  if (!example) throw new Error('quiz-bench example missing');
  expect(createBot(parley.deps, { id: example.id, name: example.name, flow: example.flow }).ok).toBe(true);
  expect(importProducts(parley.deps, example.id, { contentType: 'application/json', body: JSON.stringify(example.products) }).ok).toBe(true);
  expect(publishBot(parley.deps, example.id, { note: 'v1' }).ok).toBe(true);
}

beforeAll(async () => {
  served = testParley();
  twin = testParley();
  withQuizBench(served);
  withQuizBench(twin);
  const app = getRequestListener(served.app.fetch);
  server = http.createServer(
    served.nodeListener((req, res) => {
      appCalls++;
      return app(req, res);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the test server has no port');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  served.close();
  twin.close();
});

interface Sent {
  path?: string;
  body: string;
  contentType?: string;
}

async function both({ path = '/webhooks/web/quiz-bench', body, contentType = 'application/json' }: Sent) {
  const init = { method: 'POST', headers: { 'content-type': contentType }, body };
  const [real, viaApp] = await Promise.all([fetch(base + path, init), twin.app.request(path, init)]);
  const answer = async (response: Response) => ({ status: response.status, body: await response.json(), cors: response.headers.get('access-control-allow-origin') });
  const [a, b] = [await answer(real), await answer(viaApp)];
  expect(a).toEqual(b);
  return a;
}

/** Requests that only the app answers; the listener must not have read them. */
async function passedToApp(sent: Sent) {
  const before = appCalls;
  const answer = await both(sent);
  expect(appCalls).toBe(before + 1);
  return answer;
}

describe('web messages served in front of the app', () => {
  it('answers turns as the route does, without the app', async () => {
    const before = appCalls;
    const first = await both({ body: JSON.stringify({ conversationId: 'c1', text: 'hi' }) });
    expect(first.status).toBe(200);
    expect(first.body.replies[0].text).toBe('What is your skin type?');
    expect(first.cors).toBe('*');
    const second = await both({ body: JSON.stringify({ conversationId: 'c1', payload: 'dry', title: 'dry', messageId: 'm-2' }) });
    expect(second.body.replies[0].text).toBe('Which finish do you like?');
    const repeat = await both({ body: JSON.stringify({ conversationId: 'c1', payload: 'dry', title: 'dry', messageId: 'm-2' }) });
    expect(repeat.body).toEqual({ ...second.body, duplicate: true });
    expect(appCalls).toBe(before);
  });

  it('answers bad bodies with the same 4xx and message', async () => {
    const before = appCalls;
    for (const body of ['{"conversationId":', '', 'null', '[]', '"hi"', JSON.stringify({ conversationId: 5, text: 'hi' }), JSON.stringify({ conversationId: 'c2' }), JSON.stringify({ conversationId: 'c2', text: 'x'.repeat(10_001) })]) {
      const answer = await both({ body });
      expect(answer.status, body).toBe(400);
      expect(answer.body.error.message, body).toBeTruthy();
    }
    const unknown = await both({ path: '/webhooks/web/no-such-bot', body: JSON.stringify({ conversationId: 'c3', text: 'hi' }) });
    expect(unknown.status).toBe(404);
    expect(appCalls).toBe(before);
  });

  it('leaves to the app what it does not take whole', async () => {
    expect((await passedToApp({ body: JSON.stringify({ conversationId: 'c4', text: 'hi' }), contentType: 'text/plain' })).status).toBe(415);
    expect((await passedToApp({ body: JSON.stringify({ conversationId: 'c4', text: 'x'.repeat(70_000) }) })).status).toBe(413);
    expect((await passedToApp({ path: '/webhooks/web/quiz-bench?x=1', body: JSON.stringify({ conversationId: 'c5', text: 'hi' }) })).status).toBe(200);
    expect((await passedToApp({ path: '/webhooks/web/quiz%2Dbench', body: JSON.stringify({ conversationId: 'c6', text: 'hi' }) })).status).toBe(200);
  });
});

describe('a bug in the pipeline', () => {
  it('answers that message with a 500 and keeps serving, whether it threw or rejected', async () => {
    const failing = (how: 'throws' | 'rejects'): TurnPipeline => {
      const fault = () => {
        if (how === 'throws') throw new Error('bug before any promise');
        return Promise.reject(new Error('bug in a promise'));
      };
      return { receive: fault, deliver: fault, notify: fault };
    };
    for (const how of ['throws', 'rejects'] as const) {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const buggy = http.createServer(webMessageListener(failing(how), (_req, res) => res.end()));
      await new Promise<void>((resolve) => buggy.listen(0, '127.0.0.1', resolve));
      const address = buggy.address();
      if (address === null || typeof address === 'string') throw new Error('the test server has no port');
      const post = () => fetch(`http://127.0.0.1:${address.port}/webhooks/web/quiz-bench`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ conversationId: 'c', text: 'hi' }) });
      for (const response of [await post(), await post()]) {
        expect(response.status, how).toBe(500);
        expect((await response.json()).error.code, how).toBeTruthy();
      }
      expect(errors).toHaveBeenCalledTimes(2);
      errors.mockRestore();
      await new Promise((resolve) => buggy.close(resolve));
    }
  });
});
