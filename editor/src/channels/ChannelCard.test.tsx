// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { setTransport } from '../api/http';
import { jsonSchemaSchema } from '../flow/schema';
import type { ChannelConnection } from './api';
import { ChannelCard } from './ChannelCard';

// The Telegram connection's schema the way the server writes it: zod's JSON Schema of the config.
const schema = jsonSchemaSchema.parse(z.toJSONSchema(
  z.object({
    botToken: z.string().regex(/^\d+:[\w-]{20,}$/).meta({ description: "The bot's token from @BotFather." }),
    secretToken: z.string().regex(/^[\w-]{16,256}$/),
    enabled: z.boolean().optional(),
    sendRate: z.number().positive().max(1000).optional(),
  }),
  { io: 'input' },
));
const telegram: ChannelConnection = {
  channel: 'telegram',
  title: 'Telegram',
  webhookUrl: 'https://bots.example.com/webhooks/telegram/shop',
  connected: true,
  enabled: true,
  secrets: ['botToken', 'secretToken'],
  schema,
  config: { botToken: '••••Dsaw', secretToken: '••••2d1c', sendRate: 30 },
  unreadable: [],
  updatedAt: '2026-11-25T10:00:00.000Z',
};

/** What the card asked of the server, and the answers it gets (in order). */
let requests: { method: string; path: string; body: unknown }[] = [];
let answers: { status: number; body: unknown }[] = [];
beforeEach(() => {
  requests = [];
  answers = [];
  setTransport(async (input, init) => {
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({ method: init?.method ?? 'GET', path: String(input), body });
    const answer = answers.shift() ?? { status: 500, body: { error: { code: 'unexpected', message: 'no answer scripted' } } };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(cleanup);

function input(label: string): HTMLInputElement {
  const element = screen.getByLabelText(label);
  if (!(element instanceof HTMLInputElement)) throw new Error(`${label} is not an input`);
  return element;
}

function renderCard(connection = telegram) {
  const changes: (ChannelConnection | null)[] = [];
  render(<ChannelCard botId="shop" connection={connection} onChange={(next) => changes.push(next)} />);
  return changes;
}

describe('a channel card', () => {
  it('shows the webhook URL and masked secrets, and saves without sending a secret that was not replaced', async () => {
    const changes = renderCard();
    expect(screen.getByText(telegram.webhookUrl)).toBeTruthy();
    expect(screen.getByLabelText('Bot token, stored').textContent).toBe('••••Dsaw');
    expect(input('Send rate (optional)').value).toBe('30');
    answers.push({ status: 200, body: telegram });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(requests).toEqual([{ method: 'PUT', path: '/api/bots/shop/channels/telegram', body: { sendRate: 30 } }]);
    expect(changes).toHaveLength(1);
  });

  it('sends a replaced secret, and shows the field the server refused', async () => {
    renderCard();
    const [replace] = screen.getAllByRole('button', { name: 'Replace' });
    if (!replace) throw new Error('no Replace button');
    await userEvent.click(replace);
    await userEvent.type(screen.getByLabelText('Bot token'), '7000000001:BBHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
    answers.push({ status: 400, body: { error: { code: 'invalid_input', message: 'Body: secretToken is 16–256 letters', field: 'secretToken' } } });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(requests[0]?.body).toEqual({ botToken: '7000000001:BBHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', sendRate: 30 });
    expect(screen.getByRole('alert').textContent).toContain('(secretToken)');
  });

  it('switches the connection off with its other fields, and lists what Check found', async () => {
    const changes = renderCard();
    answers.push({ status: 200, body: { ...telegram, enabled: false } });
    await userEvent.click(screen.getByRole('button', { name: 'Switch off' }));
    expect(requests[0]).toEqual({ method: 'PUT', path: '/api/bots/shop/channels/telegram', body: { sendRate: 30, enabled: false } });
    expect(changes[0]?.enabled).toBe(false);

    answers.push({ status: 200, body: { checks: [{ check: 'config', ok: true, message: 'The Telegram connection is complete.' }, { check: 'webhook host', ok: false, message: 'localhost is not reachable' }] } });
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(requests[1]).toMatchObject({ method: 'POST', path: '/api/bots/shop/channels/telegram/check' });
    const list = screen.getByRole('list', { name: 'Telegram checks' });
    expect(within(list).getAllByRole('listitem').map((item) => item.className)).toEqual(['ok', 'problem']);
    expect(list.textContent).toContain('localhost is not reachable');
  });

  it('offers to connect an app the bot is not on yet, with an empty form', async () => {
    renderCard({ ...telegram, connected: false, config: null, updatedAt: null });
    expect(screen.queryByRole('button', { name: 'Check' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(input('Bot token').type).toBe('password');
    expect(screen.getByText(telegram.webhookUrl)).toBeTruthy();
  });
});
