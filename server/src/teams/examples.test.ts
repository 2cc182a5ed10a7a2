import { loadExampleBots } from '@parley/examples';
import { describe, expect, it } from 'vitest';
import { seedExampleBots } from '../seed';
import { testParley } from '../testing';
import { createTeam, listTeams } from './teams';

/** Every queue the example flows' hand-off nodes name. */
function queuesOf(botId: string): string[] {
  const example = loadExampleBots().find((bot) => bot.id === botId);
  const flow = JSON.stringify(example?.flow ?? {});
  return [...new Set([...flow.matchAll(/"queue":\s*"([^"]+)"/g)].map((match) => match[1] ?? ''))].sort();
}

describe('seeding the examples', () => {
  it("adds the hotel's and the airline's teams with their hours, keeping a team the user already has", async () => {
    const parley = testParley();
    try {
      const base = { businessHours: null, sla: null, autoAssign: true, maxOpenPerAgent: 5, memberIds: [] };
      expect(createTeam(parley.deps.store.db, { ...base, key: 'front-desk', name: 'Our own desk' }, new Date()).ok).toBe(true);
      await seedExampleBots(parley.deps);
      const teams = listTeams(parley.deps.store.db);
      const byKey = new Map(teams.map((team) => [team.key, team]));
      for (const key of [...queuesOf('hotel-concierge'), ...queuesOf('airline-support')]) expect(byKey.has(key), key).toBe(true);
      expect(byKey.get('front-desk')?.name).toBe('Our own desk');
      expect(byKey.get('reservations')?.businessHours).toMatchObject({ timezone: 'Europe/Paris', weekly: { sun: [{ from: '07:00', to: '23:00' }] } });
      expect(byKey.get('customer-care')).toMatchObject({
        businessHours: { timezone: 'Europe/Paris', weekly: { mon: [{ from: '08:00', to: '20:00' }], fri: [{ from: '08:00', to: '20:00' }] } },
        sla: { firstResponseMinutes: 60, resolutionMinutes: 480 },
      });
      expect(byKey.get('customer-care')?.businessHours?.weekly.sat).toEqual([{ from: '09:00', to: '17:00' }]);
      expect(byKey.get('customer-care')?.businessHours?.weekly.sun).toBeUndefined();
      // Seeding again adds nothing.
      await seedExampleBots(parley.deps);
      expect(listTeams(parley.deps.store.db)).toHaveLength(teams.length);
    } finally {
      await parley.close();
    }
  });
});
