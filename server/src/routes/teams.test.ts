import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type InboxWorld, inboxWorld, team } from '../inbox/testing';

let world: InboxWorld;
beforeEach(async () => {
  world = await inboxWorld();
});
afterEach(() => world.parley.close());

const hours = { timezone: 'Europe/Paris', weekly: { mon: [{ from: '08:00', to: '20:00' }] }, holidays: ['2026-12-25'] };

describe('teams', () => {
  it('are created, listed, replaced and removed by editors; agents read them', async () => {
    const [ana] = world.agents;
    const created = await world.editor.request('POST', '/api/teams', team({ key: 'billing', name: 'Billing', businessHours: hours, sla: { firstResponseMinutes: 60, resolutionMinutes: 480 }, memberIds: [ana?.user.id ?? ''], maxOpenPerAgent: 3 }));
    expect(created.status).toBe(201);
    const { team: billing } = await created.json();
    expect(billing).toMatchObject({ key: 'billing', name: 'Billing', businessHours: hours, sla: { firstResponseMinutes: 60, resolutionMinutes: 480 }, autoAssign: true, maxOpenPerAgent: 3, memberIds: [ana?.user.id], id: expect.any(String) });

    const listed = await ana?.request('GET', '/api/teams');
    expect(listed?.status).toBe(200);
    expect((await listed?.json()).teams).toEqual([billing]);
    expect((await ana?.request('POST', '/api/teams', team({ key: 'x' })))?.status).toBe(403);

    const replaced = await world.editor.request('PUT', `/api/teams/${billing.id}`, team({ key: 'billing', name: 'Billing & refunds', autoAssign: false }));
    expect(replaced.status).toBe(200);
    expect((await replaced.json()).team).toMatchObject({ name: 'Billing & refunds', autoAssign: false, businessHours: null, sla: null, memberIds: [] });

    expect((await world.editor.request('DELETE', `/api/teams/${billing.id}`)).status).toBe(200);
    expect((await world.editor.request('DELETE', `/api/teams/${billing.id}`)).status).toBe(404);
    expect((await (await world.editor.request('GET', '/api/teams')).json()).teams).toEqual([]);
  });

  it('name the field that is wrong', async () => {
    const cases: [unknown, string, string][] = [
      [{ key: 'Billing Team', name: 'B' }, 'key', 'lowercase letters'],
      [{ key: 'billing', name: ' ' }, 'name', 'give the team a name'],
      [team({ key: 'billing', businessHours: { timezone: 'Paris', weekly: {} } }), 'businessHours.timezone', 'IANA name'],
      [team({ key: 'billing', businessHours: { weekly: { mon: [{ from: '18:00', to: '09:00' }] } } }), 'businessHours.weekly.mon.0.to', 'closing time must come after'],
      [team({ key: 'billing', sla: { firstResponseMinutes: 0, resolutionMinutes: 10 } }), 'sla.firstResponseMinutes', 'at least 1'],
      [team({ key: 'billing', memberIds: ['nobody'] }), 'memberIds.0', 'no user has the id "nobody"'],
    ];
    for (const [body, field, message] of cases) {
      const response = await world.editor.request('POST', '/api/teams', body);
      expect(response.status, field).toBe(400);
      const { error } = await response.json();
      expect(error.field, JSON.stringify(error)).toBe(field);
      expect(error.message).toContain(message);
    }
    expect((await world.editor.request('POST', '/api/teams', team({ key: 'billing' }))).status).toBe(201);
    const taken = await world.editor.request('POST', '/api/teams', team({ key: 'billing' }));
    expect(taken.status).toBe(409);
    expect((await taken.json()).error).toMatchObject({ code: 'team_key_taken', field: 'key' });
  });
});

describe('canned responses', () => {
  it('are managed by editors, read by agents, with a shortcut unique per team', async () => {
    const [ana] = world.agents;
    const created = await world.editor.request('POST', '/api/canned-responses', { shortcut: 'refund', text: 'Your refund is on its way.', teamKey: 'billing' });
    expect(created.status).toBe(201);
    const { cannedResponse } = await created.json();
    expect(cannedResponse).toMatchObject({ shortcut: 'refund', text: 'Your refund is on its way.', teamKey: 'billing' });
    expect((await world.editor.request('POST', '/api/canned-responses', { shortcut: 'refund', text: 'Everywhere' })).status).toBe(201);
    const again = await world.editor.request('POST', '/api/canned-responses', { shortcut: 'refund', text: 'Twice', teamKey: 'billing' });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: 'shortcut_taken', field: 'shortcut' });
    const bad = await world.editor.request('POST', '/api/canned-responses', { shortcut: '/Refund', text: '' });
    expect((await bad.json()).error.field).toBe('shortcut');

    expect((await ana?.request('POST', '/api/canned-responses', { shortcut: 'hi', text: 'Hi' }))?.status).toBe(403);
    const listed = await (await ana?.request('GET', '/api/canned-responses'))?.json();
    expect(listed.cannedResponses.map((c: { teamKey: string | null }) => c.teamKey)).toEqual([null, 'billing']);

    const updated = await world.editor.request('PUT', `/api/canned-responses/${cannedResponse.id}`, { shortcut: 'refunded', text: 'Refunded.', teamKey: null });
    expect((await updated.json()).cannedResponse).toMatchObject({ shortcut: 'refunded', teamKey: null });
    expect((await world.editor.request('DELETE', `/api/canned-responses/${cannedResponse.id}`)).status).toBe(200);
  });
});
