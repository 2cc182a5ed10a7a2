// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setTransport } from '../api/http';
import { fakeServer, inboxItem, inboxList } from '../testing/inbox';
import { ConversationList } from './ConversationList';
import { InboxSidebar } from './InboxSidebar';
import { inboxStore } from './use-inbox';

afterEach(() => {
  cleanup();
  setTransport((input, init) => fetch(input, init));
});

describe('the inbox list and its sidebar', () => {
  it('lists each conversation with contact, bot, channel, last message, wait, priority and SLA', async () => {
    const opened: string[] = [];
    const items = [
      inboxItem(),
      inboxItem({ id: 'h2', contact: { name: null, externalKey: 'wa_3361' }, priority: 'urgent', status: 'assigned', assigneeId: 'u1', assigneeName: 'Cleo', firstResponseAt: '2026-11-25T10:05:00Z', lastMessage: null, summary: 'Lost key card', sla: { firstResponse: { dueAt: null, remainingMinutes: null, state: 'met' }, resolution: { dueAt: '2026-11-25T10:30:00Z', remainingMinutes: 0, state: 'breached' } } }),
    ];
    render(<ConversationList items={items} selectedId="h2" now={Date.parse('2026-11-25T10:40:00Z')} onOpen={(id) => opened.push(id)} />);
    const rows = within(screen.getByRole('list', { name: 'Conversations' })).getAllByRole('button');
    expect(rows[0]?.textContent).toContain('Ada');
    expect(rows[0]?.textContent).toContain('Hotel concierge · web · front-desk');
    expect(rows[0]?.textContent).toContain('Can I stay until 3 pm?');
    expect(rows[0]?.textContent).toContain('waiting 40 min');
    expect(within(rows[0] ?? document.body).getByText('First response: overdue by 25 min').className).toContain('sla-breached');
    expect(rows[1]?.textContent).toContain('wa_3361');
    expect(rows[1]?.textContent).toContain('urgent');
    expect(rows[1]?.textContent).toContain('No message yet');
    expect(rows[1]?.textContent).toContain('Lost key card');
    expect(rows[1]?.textContent).toContain('· Cleo');
    expect(rows[1]?.getAttribute('aria-current')).toBe('true');
    expect(within(rows[1] ?? document.body).getByText('Resolve: overdue by 10 min')).toBeTruthy();
    await userEvent.setup().click(rows[0] ?? document.body);
    expect(opened).toEqual(['h1']);
  });

  it('switches views and queues from the sidebar, showing their counts', async () => {
    const calls = fakeServer(() => ({ status: 200, body: inboxList() }));
    inboxStore.setState(inboxStore.getInitialState(), true);
    const user = userEvent.setup();
    render(<InboxSidebar counts={{ waiting: 3, mine: 1, all: 7, teams: [{ key: 'front-desk', name: 'Front desk', waiting: 2, open: 5 }] }} />);
    expect(screen.getByRole('button', { name: 'Waiting 3' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Mine 1' }));
    await user.click(screen.getByRole('button', { name: 'Front desk: 2 waiting, 5 open' }));
    expect(calls.map((c) => c.path)).toEqual(['/api/inbox?view=mine', '/api/inbox?view=mine&team=front-desk']);
    expect(screen.getByRole('button', { name: 'Mine 1' }).getAttribute('aria-pressed')).toBe('true');
  });
});
