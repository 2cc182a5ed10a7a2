import { afterEach, describe, expect, it } from 'vitest';
import { verifySignature } from '../webhooks/sign';
import { type InboxWorld, addTeam, customerSays, inboxOf, inboxWorld } from './testing';

let world: InboxWorld;
afterEach(() => world.parley.close());

interface Sent {
  url: string;
  body: string;
  signature: string;
}

describe('SLA', () => {
  it('reports a broken promise once: an sla.breached event, a signed handoff.sla_breached webhook, an inbox event', async () => {
    const sent: Sent[] = [];
    const fetcher: typeof fetch = async (input, init) => {
      sent.push({ url: String(input), body: String(init?.body ?? ''), signature: new Headers(init?.headers).get('x-parley-signature') ?? '' });
      return new Response('ok');
    };
    // Monday 07:30 Paris (06:30 UTC): the team opens at 08:00, so the first-response hour counts from then.
    world = await inboxWorld({ at: '2026-03-02T06:30:00Z', fetch: fetcher });
    const [ana] = world.agents;
    if (!ana) throw new Error('agents');
    const hook = await world.editor.request('POST', '/api/bots/support/webhooks', { url: 'https://crm.example/hooks', events: ['handoff.queued', 'handoff.sla_breached'] });
    expect(hook.status).toBe(201);
    const { secret } = await hook.json();
    const weekdays = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ from: '08:00', to: '20:00' }]]));
    await addTeam(world, { key: 'billing', autoAssign: false, businessHours: { timezone: 'Europe/Paris', weekly: weekdays, holidays: [] }, sla: { firstResponseMinutes: 60, resolutionMinutes: 480 } });

    await customerSays(world.parley, 'g1', 'help');
    const [item] = (await inboxOf(ana)).items;
    expect(item.sla.firstResponse).toEqual({ dueAt: '2026-03-02T08:00:00.000Z', remainingMinutes: 60, state: 'running' });

    // 08:59 Paris: one business minute left.
    world.clock.set('2026-03-02T07:59:00Z');
    await world.parley.scheduler.tick();
    expect((await inboxOf(ana)).items[0].sla.firstResponse).toMatchObject({ remainingMinutes: 1, state: 'running' });

    world.clock.set('2026-03-02T08:05:00Z');
    await world.parley.scheduler.tick();
    await world.parley.scheduler.tick();
    const breaches = world.parley.deps.store.sqlite.prepare("select data from events where type = 'sla.breached'").pluck().all();
    expect(breaches.map((data) => JSON.parse(String(data)))).toEqual([
      { kind: 'first_response', handoffId: item.id, queue: 'billing', assigneeId: null, queuedAt: '2026-03-02T06:30:00.000Z', dueAt: '2026-03-02T08:00:00.000Z' },
    ]);
    expect((await inboxOf(ana)).items[0].sla.firstResponse).toMatchObject({ state: 'breached', remainingMinutes: -5 });

    const breachedCalls = sent.filter((call) => call.body.includes('handoff.sla_breached'));
    expect(breachedCalls).toHaveLength(1);
    const [call] = breachedCalls;
    expect(call?.url).toBe('https://crm.example/hooks');
    expect(verifySignature(secret, call?.body ?? '', call?.signature ?? '', world.clock.now())).toBe(true);
    expect(JSON.parse(call?.body ?? '{}')).toMatchObject({ type: 'handoff.sla_breached', botId: 'support', data: { kind: 'first_response', handoffId: item.id, conversationId: item.conversationId } });
    expect(sent.filter((c) => c.body.includes('handoff.queued'))).toHaveLength(1);

    const types = world.parley.deps.store.sqlite.prepare('select type from inbox_events order by id').pluck().all();
    expect(types).toEqual(['queued', 'sla']);
  });
});
