import { type IncomingHttpHeaders, createServer } from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { verifySignature } from '../../server/src/webhooks/sign';
import { type TestParley, customer, loadExample, pathOf, testParley } from '../examples/chat';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let parley: TestParley | undefined;
let close: (() => void) | undefined;
afterEach(() => {
  close?.();
  return parley?.close();
});

/** The brand's endpoint: answers each request with the next status of `statuses` (then 200). */
async function brandEndpoint(statuses: number[]) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => server.close();
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/parley`, received };
}

it('tells the brand of every order change, signed, in order, retrying after an error', async () => {
  let clock = new Date('2026-11-25T10:00:00Z');
  parley = testParley({ now: () => clock });
  loadExample(parley, 'limited-edition');
  const endpoint = await brandEndpoint([500]);
  const created = await parley.request('POST', '/api/bots/limited-edition/webhooks', { url: endpoint.url, events: ['order.created', 'order.cancelled'] });
  expect(created.status).toBe(201);
  const { secret, webhook } = await created.json();
  expect(webhook.secretHint).not.toContain(secret.slice(8, -4));

  const chat = customer(parley, 'limited-edition', 'w-1');
  await chat.say('hi');
  await chat.tap('noir', 'Noir');
  await chat.tap('leather', 'Leather strap');
  await chat.say('AB');
  const pay = await chat.tap('buy:MV-SILLAGE-LE', 'Buy');
  const link = pay.replies.find((reply) => reply.type === 'payment');
  expect((await parley.request('POST', `${pathOf(link?.url ?? '')}/decline`)).status).toBe(303);

  // First attempt: the endpoint fails; "cancelled" waits behind "created".
  await parley.scheduler.tick();
  expect(endpoint.received.map((r) => r.headers['x-parley-event'])).toEqual(['order.created']);
  await parley.scheduler.tick();
  expect(endpoint.received).toHaveLength(1);
  // After the backoff both go, in order, each signed over its exact body.
  clock = new Date(clock.getTime() + 31_000);
  await parley.scheduler.tick();
  expect(endpoint.received.map((r) => r.headers['x-parley-event'])).toEqual(['order.created', 'order.created', 'order.cancelled']);
  for (const request of endpoint.received) {
    expect(verifySignature(secret, request.body, String(request.headers['x-parley-signature']), clock)).toBe(true);
    expect(verifySignature(secret, `${request.body} `, String(request.headers['x-parley-signature']), clock)).toBe(false);
  }
  const cancelled = JSON.parse(endpoint.received[2]?.body ?? '{}');
  expect(cancelled).toMatchObject({ type: 'order.cancelled', botId: 'limited-edition', data: { status: 'cancelled', amount: 4200, currency: 'EUR' } });

  const deliveries = await (await parley.request('GET', `/api/bots/limited-edition/webhooks/${webhook.id}/deliveries`)).json();
  expect(deliveries.deliveries.map((d: { status: string; attempts: number }) => [d.status, d.attempts])).toEqual([
    ['delivered', 1],
    ['delivered', 2],
  ]);
  // Nothing is sent twice.
  await parley.scheduler.tick();
  expect(endpoint.received).toHaveLength(3);
});

it('refuses a webhook without a valid address, naming the field', async () => {
  parley = testParley();
  loadExample(parley, 'limited-edition');
  const response = await parley.request('POST', '/api/bots/limited-edition/webhooks', { url: 'not a url' });
  expect(response.status).toBe(400);
  expect((await response.json()).error.field).toBe('url');
  expect((await parley.request('POST', '/api/bots/nope/webhooks', { url: 'https://brand.example/hook' })).status).toBe(404);
});
