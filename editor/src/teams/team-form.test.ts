import { teamSchema } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { emptyTeamForm, formFromTeam, teamInputFrom } from './team-form';

describe('the team form', () => {
  it('gives the API a team without hours or SLA when they are switched off', () => {
    const form = { ...emptyTeamForm(), key: 'front-desk', name: 'Front desk', memberIds: ['u1'] };
    expect(teamInputFrom(form)).toEqual({ ok: true, value: { key: 'front-desk', name: 'Front desk', memberIds: ['u1'], businessHours: null, sla: null, autoAssign: true, maxOpenPerAgent: 5 } });
  });

  it('sends weekly ranges, holidays and SLA targets as numbers, dropping empty holiday rows', () => {
    const form = { ...emptyTeamForm(), key: 'spa', name: 'Spa', hoursOn: true, timezone: 'Europe/Paris', holidays: ['2026-12-25', ''], slaOn: true, firstResponseMinutes: '10', resolutionMinutes: '120' };
    const input = teamInputFrom(form);
    if (!input.ok) throw new Error(JSON.stringify(input.errors));
    expect(input.value.businessHours).toEqual({
      timezone: 'Europe/Paris',
      weekly: { sun: [], mon: [{ from: '09:00', to: '17:00' }], tue: [{ from: '09:00', to: '17:00' }], wed: [{ from: '09:00', to: '17:00' }], thu: [{ from: '09:00', to: '17:00' }], fri: [{ from: '09:00', to: '17:00' }], sat: [] },
      holidays: ['2026-12-25'],
    });
    expect(input.value.sla).toEqual({ firstResponseMinutes: 10, resolutionMinutes: 120 });
  });

  it('names each field the contract refuses', () => {
    const form = { ...emptyTeamForm(), key: 'Front Desk', name: ' ', hoursOn: true, timezone: 'Mars/Olympus', slaOn: true, firstResponseMinutes: '0', resolutionMinutes: 'soon', maxOpenPerAgent: '' };
    form.weekly = { ...form.weekly, mon: [{ from: '18:00', to: '09:00' }] };
    const input = teamInputFrom(form);
    if (input.ok) throw new Error('accepted a bad team');
    expect(Object.keys(input.errors).sort()).toEqual(['businessHours.timezone', 'businessHours.weekly.mon.0.to', 'key', 'maxOpenPerAgent', 'name', 'sla.firstResponseMinutes', 'sla.resolutionMinutes']);
    expect(input.errors['businessHours.weekly.mon.0.to']).toBe('the closing time must come after the opening time');
  });

  it('opens a stored team as it was saved', () => {
    const team = teamSchema.parse({
      id: 't1',
      key: 'spa',
      name: 'Spa',
      businessHours: { timezone: 'Asia/Tokyo', weekly: { sat: [{ from: '10:00', to: '14:00' }] }, holidays: ['2026-01-01'] },
      sla: { firstResponseMinutes: 5, resolutionMinutes: 60 },
      autoAssign: false,
      maxOpenPerAgent: 3,
      memberIds: ['u2'],
      createdAt: '2026-11-25T10:00:00Z',
      updatedAt: '2026-11-25T10:00:00Z',
    });
    const form = formFromTeam(team);
    expect(form.weekly.sat).toEqual([{ from: '10:00', to: '14:00' }]);
    expect(form.weekly.mon).toEqual([]);
    const input = teamInputFrom(form);
    expect(input.ok && input.value).toEqual({ key: 'spa', name: 'Spa', businessHours: { timezone: 'Asia/Tokyo', weekly: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [{ from: '10:00', to: '14:00' }] }, holidays: ['2026-01-01'] }, sla: { firstResponseMinutes: 5, resolutionMinutes: 60 }, autoAssign: false, maxOpenPerAgent: 3, memberIds: ['u2'] });
  });
});
