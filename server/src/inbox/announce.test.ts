import { afterEach, describe, expect, it } from 'vitest';
import { type InboxWorld, addTeam, inboxOf, inboxWorld } from './testing';

let world: InboxWorld;
afterEach(() => world.parley.close());

describe('announcing hand-offs', () => {
  it("announces once, from the scheduler's sweep, a hand-off committed by a turn the routes did not run", async () => {
    world = await inboxWorld();
    const [ana] = world.agents;
    if (!ana) throw new Error('agents');
    await addTeam(world, { key: 'billing', memberIds: [ana.user.id] });
    await ana.request('PUT', '/api/inbox/presence', { online: true });
    // The pipeline itself (as timers and the CLI use it), not the HTTP routes.
    const turn = await world.parley.deps.pipeline.receive({ botId: 'support', channel: 'web', externalKey: 'cli-1' }, { kind: 'text', text: 'help' });
    expect(turn.ok).toBe(true);
    expect((await inboxOf(ana)).items).toMatchObject([{ status: 'waiting', assigneeId: null }]);

    await world.parley.scheduler.tick();
    await world.parley.scheduler.tick();
    expect((await inboxOf(ana)).items).toMatchObject([{ status: 'assigned', assigneeName: 'Ana Agent' }]);
    const types = world.parley.deps.store.sqlite.prepare('select type from inbox_events order by id').pluck().all();
    expect(types).toEqual(['queued', 'assigned']);
  });
});
