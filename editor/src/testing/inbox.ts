import { type InboxDetail, type InboxItem, type InboxList, inboxDetailSchema, inboxItemSchema } from '@parley/shared';
import { setTransport } from '../api/http';

/** Inbox records for the editor's tests, checked against the wire contract as the API client checks them. */
export function inboxItem(overrides: Partial<InboxItem> = {}): InboxItem {
  return inboxItemSchema.parse({
    id: 'h1',
    conversationId: 'c1',
    botId: 'hotel',
    botName: 'Hotel concierge',
    channel: 'web',
    contact: { name: 'Ada', externalKey: 'web_1' },
    teamKey: 'front-desk',
    priority: 'normal',
    summary: 'Asked about a late check-out',
    status: 'waiting',
    assigneeId: null,
    assigneeName: null,
    queuedAt: '2026-11-25T10:00:00.000Z',
    firstResponseAt: null,
    resolvedAt: null,
    lastMessage: 'Can I stay until 3 pm?',
    lastActivityAt: '2026-11-25T10:00:00.000Z',
    sla: {
      firstResponse: { dueAt: '2026-11-25T10:15:00.000Z', remainingMinutes: 15, state: 'running' },
      resolution: { dueAt: '2026-11-25T14:00:00.000Z', remainingMinutes: 240, state: 'running' },
    },
    ...overrides,
  });
}

export function inboxList(items: InboxItem[] = [inboxItem()]): InboxList {
  return { items, counts: { waiting: items.filter((i) => i.status === 'waiting').length, mine: 0, all: items.length, teams: [{ key: 'front-desk', name: 'Front desk', waiting: 1, open: 1 }] } };
}

export function inboxDetail(overrides: Partial<InboxDetail> = {}): InboxDetail {
  return inboxDetailSchema.parse({
    item: inboxItem(),
    transcript: [
      { from: 'customer', at: '2026-11-25T09:59:00.000Z', text: 'Can I stay until 3 pm?', body: { kind: 'text', text: 'Can I stay until 3 pm?' } },
      { from: 'bot', at: '2026-11-25T09:59:01.000Z', reply: { type: 'buttons', text: 'Shall I find you a person?', buttons: [{ title: 'Yes please', payload: 'yes' }] } },
      { from: 'bot', at: '2026-11-25T09:59:02.000Z', reply: { type: 'cards', cards: [{ title: 'Late check-out', subtitle: 'Until 2 pm', buttons: [] }] } },
      { from: 'bot', at: '2026-11-25T09:59:03.000Z', reply: { type: 'image', url: 'https://hotel.example/room.jpg', caption: 'Your room' } },
      { from: 'system', at: '2026-11-25T10:00:00.000Z', text: 'Handed to Front desk' },
      { from: 'note', at: '2026-11-25T10:01:00.000Z', agentId: 'u2', agentName: 'Bea', text: 'VIP guest' },
      { from: 'agent', at: '2026-11-25T10:02:00.000Z', agentId: 'u2', agentName: 'Bea', text: 'Hello Ada!', attachments: [], delivery: 'sent', error: null },
    ],
    variables: { room: '204', nights: 2 },
    profile: { name: 'Ada', language: 'en', channel: 'web', externalKey: 'web_1' },
    window: { open: true },
    resumeNodes: [
      { id: 'menu', label: 'Main menu' },
      { id: 'bye', label: 'Goodbye' },
    ],
    ...overrides,
  });
}

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

/**
 * Swaps the API client's transport for one answering from `answer` (status and JSON body) and
 * records every call: the tests mock at the API boundary only.
 */
export function fakeServer(answer: (call: Call) => { status: number; body: unknown }): Call[] {
  const calls: Call[] = [];
  setTransport(async (input, init) => {
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const call = { method: init?.method ?? 'GET', path: String(input), body: text === undefined ? undefined : JSON.parse(text) };
    calls.push(call);
    const { status, body } = answer(call);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}
