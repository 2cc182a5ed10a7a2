import { afterEach, describe, expect, it } from 'vitest';
import { type InboxWorld, addTeam, customerSays, inboxOf, inboxWorld } from './testing';

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

  it('tells the inbox of a conversation the routes saw without people once another path hands it off', async () => {
    // start → "Talk to a person?" [yes] → hand-off
    const flow = {
      schemaVersion: 1,
      id: 'support',
      name: 'Support',
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'ask', type: 'buttons', position: { x: 200, y: 0 }, data: { text: 'Talk to a person?', buttons: [{ id: 'yes', title: 'yes' }] } },
        { id: 'human', type: 'handoff', position: { x: 400, y: 0 }, data: { queue: 'billing' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'ask' },
        { id: 'e2', source: 'ask', sourceHandle: 'yes', target: 'human' },
      ],
    };
    world = await inboxWorld({ flow });
    const events = () => world.parley.deps.store.sqlite.prepare('select type from inbox_events order by id').pluck().all();
    // Through the routes: no person yet, so the conversation is known to be free of people.
    expect(await customerSays(world.parley, 'w-1', 'hi')).toMatchObject([{ text: 'Talk to a person?' }]);
    // The pipeline itself hands it off (as the scheduler's turns do): the routes do not hear of it.
    const turn = await world.parley.deps.pipeline.receive({ botId: 'support', channel: 'web', externalKey: 'w-1' }, { kind: 'text', text: 'yes' });
    expect(turn.ok).toBe(true);
    expect(events()).toEqual([]);
    // The customer's next message, through the routes, reaches the inbox at once.
    await customerSays(world.parley, 'w-1', 'are you there?');
    expect(events()).toEqual(['queued']);
    await customerSays(world.parley, 'w-1', 'hello?');
    expect(events()).toEqual(['queued', 'message']);
  });
});
