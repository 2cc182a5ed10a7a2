import { loadExampleBots } from '@parley/examples';
import { afterEach, describe, expect, it } from 'vitest';
import { seedExampleTeams } from '../teams/examples';
import { type InboxWorld, addTeam, customerSays, inboxOf, inboxWorld } from './testing';

let world: InboxWorld;
afterEach(() => world.parley.close());

const weekdays = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ from: '08:00', to: '20:00' }]]));

describe("out of the team's hours", () => {
  it('queues all the same, tells the customer when the team opens, and keeps the bot silent until resolved', async () => {
    // Saturday 7 March 2026, 11:00 in Paris.
    world = await inboxWorld({ at: '2026-03-07T10:00:00Z' });
    const [ana] = world.agents;
    if (!ana) throw new Error('agents');
    await addTeam(world, { key: 'billing', autoAssign: false, businessHours: { timezone: 'Europe/Paris', weekly: weekdays, holidays: ['2026-03-09'] } });

    expect(await customerSays(world.parley, 'g1', 'help')).toEqual([
      { type: 'handoff', text: "Our team is away right now. Your conversation is queued and they'll reply here Tuesday, March 10 at 8:00 AM.", queue: 'billing' },
    ]);
    const [item] = (await inboxOf(ana, 'view=waiting')).items;
    expect(item).toMatchObject({ teamKey: 'billing', status: 'waiting', contact: { externalKey: 'g1' } });
    const events = world.parley.deps.store.sqlite.prepare("select data from events where type = 'handoff.out_of_hours'").pluck().all();
    expect(events.map((data) => JSON.parse(String(data)))).toEqual([{ queue: 'billing', nextOpening: '2026-03-10T07:00:00.000Z', queued: true }]);

    // The conversation is with people: whatever the customer writes, the bot stays silent.
    expect(await customerSays(world.parley, 'g1', 'hello?')).toEqual([]);
    expect(await customerSays(world.parley, 'g1', 'help')).toEqual([]);
    expect((await inboxOf(ana, 'view=all')).items).toHaveLength(1);

    world.clock.set('2026-03-10T07:05:00Z');
    expect((await ana.request('POST', `/api/inbox/${item.id}/reply`, { text: 'Good morning, how can I help?' })).status).toBe(200);
    const resolved = await ana.request('POST', `/api/inbox/${item.id}/resolve`, { handBack: { to: 'waiting' } });
    expect((await resolved.json()).replies).toEqual([{ type: 'text', text: 'Welcome back' }]);
  });

  it('hands off at once during the hours, and to an always-open queue when no team has the key', async () => {
    // Monday 2 March, 11:00 in Paris.
    world = await inboxWorld({ at: '2026-03-02T10:00:00Z' });
    await addTeam(world, { key: 'billing', businessHours: { timezone: 'Europe/Paris', weekly: weekdays, holidays: [] } });
    expect(await customerSays(world.parley, 'g1', 'help')).toMatchObject([{ type: 'handoff', text: "I'm connecting you with a member of our team. They'll reply here." }]);

    world.parley.close();
    world = await inboxWorld({ at: '2026-03-07T10:00:00Z', queue: 'night-shift' });
    expect(await customerSays(world.parley, 'g2', 'help')).toMatchObject([{ type: 'handoff', text: "I'm connecting you with a member of our team. They'll reply here." }]);
  });
});

describe('the airline example with its seeded team', () => {
  it('says the flow’s out-of-hours message once, queues, and stays silent', async () => {
    const airline = loadExampleBots().find((bot) => bot.id === 'airline-support');
    // Sunday 8 March, 11:00 in Paris.
    world = await inboxWorld({ at: '2026-03-08T10:00:00Z', flow: airline?.flow });
    seedExampleTeams(world.parley.deps.store, ['airline-support'], world.clock.now());
    await customerSays(world.parley, 't1', 'hi');
    const closed = await customerSays(world.parley, 't1', 'agent');
    expect(closed.map((reply: { text: string }) => reply.text)).toEqual([
      expect.stringContaining('offline right now and back on Monday, March 9 at 8:00 AM'),
      'You can add your booking reference, flight number and any details here; the team will see everything when they pick up your conversation.',
    ]);
    expect(await customerSays(world.parley, 't1', 'AF1234, booking XK9P2')).toEqual([]);
    const [ana] = world.agents;
    if (!ana) throw new Error('agents');
    const [item] = (await inboxOf(ana, 'view=waiting&team=customer-care')).items;
    expect(item).toMatchObject({ teamKey: 'customer-care', lastMessage: 'AF1234, booking XK9P2', sla: { firstResponse: { dueAt: '2026-03-09T08:00:00.000Z', state: 'running' } } });
  });
});
