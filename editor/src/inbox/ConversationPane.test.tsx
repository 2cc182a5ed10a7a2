// @vitest-environment happy-dom
import { cannedResponseSchema, teamSchema } from '@parley/shared';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTransport } from '../api/http';
import { type Call, fakeServer, inboxDetail, inboxList } from '../testing/inbox';
import { ConversationPane } from './ConversationPane';
import { inboxStore } from './use-inbox';

let calls: Call[] = [];
let detail = inboxDetail();

beforeEach(() => {
  detail = inboxDetail();
  calls = fakeServer((call) => {
    if (call.path.startsWith('/api/inbox?')) return { status: 200, body: inboxList() };
    if (call.path === '/api/inbox/h1') return { status: 200, body: detail };
    if (call.path === '/api/inbox/agents')
      return {
        status: 200,
        body: {
          agents: [
            { id: 'u1', name: 'Cleo', email: 'cleo@hotel.example', role: 'agent', online: true, open: 1, teamKeys: ['front-desk'] },
            { id: 'u2', name: 'Dan', email: 'dan@hotel.example', role: 'agent', online: false, open: 3, teamKeys: ['spa'] },
          ],
        },
      };
    return { status: 200, body: {} };
  });
  const canned = ['hours', 'hours-spa'].map((shortcut) => cannedResponseSchema.parse({ id: shortcut, shortcut, text: `We are open (${shortcut}).`, teamKey: null, createdAt: '2026-11-25T10:00:00Z' }));
  inboxStore.setState({ ...inboxStore.getInitialState(), canned });
});
afterEach(() => {
  cleanup();
  setTransport((input, init) => fetch(input, init));
});

async function openPane() {
  await inboxStore.getState().open('h1');
  // Loading reads the real clock; the test's is fixed.
  inboxStore.getState().tick(Date.parse('2026-11-25T10:12:00Z'));
  render(<ConversationPane me={{ id: 'u1', name: 'Cleo' }} />);
}
const posts = () => calls.filter((call) => call.method === 'POST').map((call) => [call.path, call.body]);

describe('the open conversation', () => {
  it('shows the transcript readably (bot buttons, cards, images, notes apart), the customer, and the SLA clocks', async () => {
    await openPane();
    const log = screen.getByRole('list', { name: 'Conversation' });
    expect(within(log).getByText('Can I stay until 3 pm?').closest('li')?.dataset.from).toBe('customer');
    expect(within(log).getByText('Yes please')).toBeTruthy();
    expect(within(log).getByText('Late check-out')).toBeTruthy();
    expect(within(log).getByRole('img', { name: 'Your room' }).getAttribute('src')).toBe('https://hotel.example/room.jpg');
    expect(within(log).getByText('VIP guest').closest('li')?.className).toContain('note');
    expect(within(log).getByText('Hello Ada!').closest('li')?.dataset.from).toBe('agent');
    expect(within(log).getByText('Handed to Front desk').closest('li')?.className).toContain('system');
    const customer = screen.getByRole('complementary', { name: 'Customer' });
    expect(customer.textContent).toContain('Asked about a late check-out');
    expect(customer.textContent).toContain('room204');
    expect(screen.getByText('First response: 3 min left').className).toContain('sla-soon');
    expect(screen.getByText('Resolution: 3 h 48 min left').className).toContain('sla-ok');
    expect(screen.getByText(/waiting 12 min/)).toBeTruthy();
  });

  it('turns red when the first-response promise passes as the clock ticks', async () => {
    await openPane();
    inboxStore.getState().tick(Date.parse('2026-11-25T10:16:00Z'));
    await waitFor(() => expect(screen.getByText('First response: overdue by 1 min').className).toContain('sla-breached'));
  });

  it('sends on Enter, keeps Shift+Enter as a new line, and offers canned responses after "/"', async () => {
    const user = userEvent.setup();
    await openPane();
    const box = screen.getByRole('textbox', { name: 'Reply to the customer' });
    await user.type(box, '/hour');
    const menu = screen.getByRole('listbox', { name: 'Canned responses' });
    expect(within(menu).getAllByRole('option').map((o) => o.textContent)).toEqual(['/hours We are open (hours).', '/hours-spa We are open (hours-spa).']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(box).toHaveProperty('value', 'We are open (hours-spa).');
    expect(posts()).toEqual([]);
    await user.keyboard('{Shift>}{Enter}{/Shift}See you');
    expect(box).toHaveProperty('value', 'We are open (hours-spa).\nSee you');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(posts()).toEqual([['/api/inbox/h1/reply', { text: 'We are open (hours-spa).\nSee you', attachments: [] }]]));
    await waitFor(() => expect(box).toHaveProperty('value', ''));
  });

  it('sends attachments by address, refuses a bad one before sending, and adds internal notes', async () => {
    const user = userEvent.setup();
    await openPane();
    await user.click(screen.getByRole('button', { name: 'Attach a file by address' }));
    await user.type(screen.getByLabelText('Attachment 1 address'), 'not a url');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByRole('alert').textContent).toBe('give the attachment as a full http(s) address');
    await user.clear(screen.getByLabelText('Attachment 1 address'));
    await user.type(screen.getByLabelText('Attachment 1 address'), 'https://hotel.example/map.pdf');
    await user.type(screen.getByLabelText('Attachment 1 name'), 'Map');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(posts()).toEqual([['/api/inbox/h1/reply', { text: '', attachments: [{ url: 'https://hotel.example/map.pdf', name: 'Map' }] }]]));

    await user.click(screen.getByRole('button', { name: 'Private note' }));
    await user.type(screen.getByRole('textbox', { name: 'Note for agents' }), 'Offered the spa{Enter}');
    await waitFor(() => expect(posts().at(-1)).toEqual(['/api/inbox/h1/note', { text: 'Offered the spa' }]));
  });

  it('outside the reply window, says why and offers the templates', async () => {
    detail = inboxDetail({ window: { open: false, reason: 'The customer last wrote over 24 hours ago.', templates: [{ name: 'follow_up', language: 'en' }] } });
    const user = userEvent.setup();
    await openPane();
    expect(screen.queryByRole('textbox', { name: 'Reply to the customer' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('over 24 hours ago');
    expect(screen.getByLabelText('Template')).toHaveProperty('value', '0');
    await user.click(screen.getByRole('button', { name: 'Send the template' }));
    await waitFor(() => expect(posts()).toEqual([['/api/inbox/h1/reply', { template: { name: 'follow_up', language: 'en' } }]]));
  });

  it('claims, and resolves handing back to the bot at a chosen step or where it waited', async () => {
    const user = userEvent.setup();
    await openPane();
    await user.click(screen.getByRole('button', { name: 'Claim' }));
    await user.click(screen.getByRole('button', { name: 'Resolve…' }));
    const dialog = screen.getByRole('dialog', { name: 'Resolve the conversation' });
    await user.selectOptions(within(dialog).getByLabelText('Step'), 'bye');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    await user.click(screen.getByRole('button', { name: 'Resolve…' }));
    await user.click(within(screen.getByRole('dialog')).getByLabelText('continues where it handed over'));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Resolve' }));
    await waitFor(() =>
      expect(posts()).toEqual([
        ['/api/inbox/h1/claim', {}],
        ['/api/inbox/h1/resolve', { handBack: { to: 'node', nodeId: 'bye' } }],
        ['/api/inbox/h1/resolve', { handBack: { to: 'waiting' } }],
      ]),
    );
  });

  it('transfers to another team, to a colleague, or gives it back to the queue', async () => {
    const team = (key: string, name: string) => teamSchema.parse({ id: key, key, name, createdAt: '2026-11-25T10:00:00Z', updatedAt: '2026-11-25T10:00:00Z' });
    inboxStore.setState({ teams: [team('front-desk', 'Front desk'), team('spa', 'Spa')] });
    const user = userEvent.setup();
    await openPane();
    await user.click(screen.getByRole('button', { name: 'Assign or transfer…' }));
    let dialog = screen.getByRole('dialog', { name: 'Assign the conversation' });
    // Colleagues are listed for every agent, each online or away with what they already hold.
    expect(within(dialog).getAllByRole('option', { name: /Me|Nobody|Dan/ }).map((o) => o.textContent)).toEqual(['Me (Cleo)', 'Dan · away · 3 open', 'Nobody: back to the queue']);
    await user.selectOptions(within(dialog).getByLabelText('Team'), 'spa');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    await user.click(screen.getByRole('button', { name: 'Assign or transfer…' }));
    dialog = screen.getByRole('dialog', { name: 'Assign the conversation' });
    await user.selectOptions(within(dialog).getByLabelText('Agent'), '');
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));
    await user.click(screen.getByRole('button', { name: 'Assign or transfer…' }));
    dialog = screen.getByRole('dialog', { name: 'Assign the conversation' });
    await user.selectOptions(within(dialog).getByLabelText('Agent'), 'u2');
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));
    await waitFor(() =>
      expect(posts()).toEqual([
        ['/api/inbox/h1/assign', { teamKey: 'spa' }],
        ['/api/inbox/h1/assign', { agentId: null }],
        ['/api/inbox/h1/assign', { agentId: 'u2' }],
      ]),
    );
  });
});
