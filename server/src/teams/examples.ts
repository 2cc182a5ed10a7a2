import { type TeamInput, teamInputSchema } from '@parley/shared';
import type { Store } from '../db/open';
import { createTeam, teamByKey } from './teams';

const everyDay = (from: string, to: string) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ from, to }]]));
const weekdays = (from: string, to: string) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ from, to }]]));

/** The teams the example bots hand off to (the `queue` of their hand-off nodes), as their businesses would run them. */
const EXAMPLE_TEAMS: Record<string, TeamInput[]> = {
  'hotel-concierge': [
    // A hotel's front desk never closes.
    { key: 'front-desk', name: 'Front desk', businessHours: null, sla: { firstResponseMinutes: 10, resolutionMinutes: 120 }, maxOpenPerAgent: 6 },
    { key: 'reservations', name: 'Reservations', businessHours: { timezone: 'Europe/Paris', weekly: everyDay('07:00', '23:00'), holidays: [] }, sla: { firstResponseMinutes: 30, resolutionMinutes: 240 }, maxOpenPerAgent: 5 },
  ],
  'airline-support': [
    {
      key: 'customer-care',
      name: 'Customer care',
      // As the example's hand-off node promises: weekdays 08:00–20:00, Saturdays 09:00–17:00, closed on holidays.
      businessHours: { timezone: 'Europe/Paris', weekly: { ...weekdays('08:00', '20:00'), sat: [{ from: '09:00', to: '17:00' }] }, holidays: ['2026-05-01', '2026-12-25', '2027-01-01', '2027-05-01', '2027-12-25'] },
      sla: { firstResponseMinutes: 60, resolutionMinutes: 480 },
      maxOpenPerAgent: 4,
    },
  ],
};

/** Adds the teams of the examples just seeded, unless a team with that key exists (the user's own wins). */
export function seedExampleTeams(store: Store, botIds: readonly string[], now: Date): string[] {
  const added: string[] = [];
  for (const botId of botIds)
    for (const input of EXAMPLE_TEAMS[botId] ?? []) {
      if (teamByKey(store.db, input.key)) continue;
      const created = createTeam(store.db, teamInputSchema.parse(input), now);
      if (created.ok) added.push(input.key);
    }
  return added;
}
