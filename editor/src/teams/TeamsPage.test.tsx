// @vitest-environment happy-dom
import { type CannedResponse, type Team, cannedResponseSchema, teamSchema } from '@parley/shared';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTransport } from '../api/http';
import { CannedResponsesPage } from '../pages/CannedResponsesPage';
import { TeamsPage } from '../pages/TeamsPage';
import { type Call, fakeServer } from '../testing/inbox';
import { teamsStore } from './use-teams';

let teams: Team[] = [];
let canned: CannedResponse[] = [];
let calls: Call[] = [];
const stamp = '2026-11-25T10:00:00.000Z';

/** A server that keeps what it is given, as the real one does. */
beforeEach(() => {
  teams = [];
  canned = [];
  teamsStore.setState(teamsStore.getInitialState(), true);
  calls = fakeServer((call) => {
    if (call.path === '/api/inbox/agents')
      return {
        status: 200,
        body: {
          agents: [
            { id: 'u1', email: 'cleo@hotel.example', name: 'Cleo', role: 'agent', online: false, open: 0, teamKeys: [] },
            { id: 'u2', email: 'dan@hotel.example', name: 'Dan', role: 'agent', online: true, open: 2, teamKeys: [] },
          ],
        },
      };
    if (call.path === '/api/teams' && call.method === 'GET') return { status: 200, body: { teams } };
    if (call.path === '/api/teams' && call.method === 'POST') {
      const team = teamSchema.parse({ ...Object(call.body), id: `t${teams.length + 1}`, createdAt: stamp, updatedAt: stamp });
      teams.push(team);
      return { status: 201, body: { team } };
    }
    if (call.path === '/api/canned-responses' && call.method === 'GET') return { status: 200, body: { cannedResponses: canned } };
    if (call.path === '/api/canned-responses' && call.method === 'POST') {
      const response = cannedResponseSchema.parse({ ...Object(call.body), id: `c${canned.length + 1}`, createdAt: stamp });
      canned.push(response);
      return { status: 201, body: { cannedResponse: response } };
    }
    const edited = /^\/api\/canned-responses\/(\w+)$/.exec(call.path);
    if (edited && call.method === 'PUT') {
      canned = canned.map((response) => (response.id === edited[1] ? cannedResponseSchema.parse({ ...Object(call.body), id: response.id, createdAt: stamp }) : response));
      return { status: 200, body: { cannedResponse: canned[0] } };
    }
    if (edited && call.method === 'DELETE') {
      canned = canned.filter((response) => response.id !== edited[1]);
      return { status: 200, body: { deleted: edited[1] } };
    }
    return { status: 404, body: { error: { code: 'not_found', message: 'No.' } } };
  });
});
afterEach(() => {
  cleanup();
  setTransport((input, init) => fetch(input, init));
});

describe('the teams page', () => {
  it('adds a team with agents, business hours, a holiday and an SLA, and lists it', async () => {
    const user = userEvent.setup();
    render(<TeamsPage />);
    await screen.findByText('No teams yet');
    await user.click(screen.getByRole('button', { name: 'New team' }));
    const dialog = screen.getByRole('dialog', { name: 'New team' });
    await user.type(within(dialog).getByLabelText('Queue name'), 'Front Desk');
    await user.type(within(dialog).getByLabelText('Team name'), 'Front desk');
    await user.click(await within(dialog).findByLabelText(/Cleo/));
    await user.click(within(dialog).getByLabelText(/Keeps business hours/));
    await user.click(within(dialog).getByRole('button', { name: 'Add hours on Saturday' }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove Friday range 1' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add a holiday' }));
    await user.type(within(dialog).getByLabelText('Holiday 1'), '2026-12-25');
    await user.click(within(dialog).getByLabelText(/Promises response times/));
    await user.clear(within(dialog).getByLabelText(/First response within/));
    await user.type(within(dialog).getByLabelText(/First response within/), '10');
    await user.click(within(dialog).getByRole('button', { name: 'Add the team' }));
    // The queue name is refused before anything is sent, next to its field.
    expect(within(dialog).getByText(/use lowercase letters/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    await user.clear(within(dialog).getByLabelText('Queue name'));
    await user.type(within(dialog).getByLabelText('Queue name'), 'front-desk');
    await user.click(within(dialog).getByRole('button', { name: 'Add the team' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const sent = calls.find((c) => c.method === 'POST')?.body;
    expect(sent).toMatchObject({ key: 'front-desk', name: 'Front desk', memberIds: ['u1'], sla: { firstResponseMinutes: 10, resolutionMinutes: 240 }, autoAssign: true, maxOpenPerAgent: 5 });
    expect(sent).toHaveProperty('businessHours.weekly.sat', [{ from: '09:00', to: '17:00' }]);
    expect(sent).toHaveProperty('businessHours.weekly.fri', []);
    expect(sent).toHaveProperty('businessHours.holidays', ['2026-12-25']);
    const row = within(screen.getByRole('table', { name: 'Teams' })).getByText('Front desk').closest('tr');
    expect(row?.textContent).toContain('5 days a week');
    expect(row?.textContent).toContain('10 min / 240 min');
  });
});

describe('the canned responses page', () => {
  it('adds, edits and deletes canned responses', async () => {
    const user = userEvent.setup();
    render(<CannedResponsesPage />);
    await screen.findByText(/None yet/);
    await user.click(screen.getByRole('button', { name: 'New canned response' }));
    await user.type(screen.getByLabelText('Shortcut'), 'checkout');
    await user.type(screen.getByLabelText('Text'), 'Check-out is at 11 am.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const table = await screen.findByRole('table', { name: 'Canned responses' });
    expect(within(table).getByText('/checkout').closest('tr')?.textContent).toContain('Check-out is at 11 am.Every team');

    await user.click(screen.getByRole('button', { name: 'Edit /checkout' }));
    await user.clear(screen.getByLabelText('Text'));
    await user.type(screen.getByLabelText('Text'), 'Check-out is at noon.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Check-out is at noon.');

    await user.click(screen.getByRole('button', { name: 'Delete /checkout' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await screen.findByText(/None yet/);
    expect(calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/canned-responses', 'PUT /api/canned-responses/c1', 'DELETE /api/canned-responses/c1']);
  });
});
