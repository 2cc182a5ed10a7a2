import { afterEach, describe, expect, it } from 'vitest';
import { type InboxWorld, addTeam, customerSays, inboxOf, inboxWorld } from './testing';

let world: InboxWorld;
afterEach(() => world.parley.close());

const assignees = async (world: InboxWorld) => {
  const [first] = world.agents;
  if (!first) throw new Error('agents');
  const list = await inboxOf(first, 'view=all');
  return list.items.map((item: { contact: { externalKey: string }; assigneeName: string | null }) => [item.contact.externalKey, item.assigneeName]);
};

describe('auto-assignment', () => {
  it('goes round-robin among online members, skips those at their limit, and refills on resolve and on coming online', async () => {
    world = await inboxWorld({ agents: 3 });
    const [ana, ben, cleo] = world.agents;
    if (!ana || !ben || !cleo) throw new Error('agents');
    await addTeam(world, { key: 'billing', memberIds: [ana.user.id, ben.user.id, cleo.user.id], maxOpenPerAgent: 1 });
    // Cleo stays away: she takes nothing.
    expect((await ana.request('PUT', '/api/inbox/presence', { online: true })).status).toBe(200);
    expect((await (await ben.request('PUT', '/api/inbox/presence', { online: true })).json())).toEqual({ online: true });

    for (const [i, guest] of ['g1', 'g2', 'g3'].entries()) {
      world.clock.advance(i + 1);
      await customerSays(world.parley, guest, 'help');
    }
    expect(await assignees(world)).toEqual([
      ['g1', 'Ana Agent'],
      ['g2', 'Ben Agent'],
      ['g3', null],
    ]);

    // Ana resolves g1: she has room again and, after Ben, it is her turn: g3 goes to her.
    const g1 = (await inboxOf(ana, 'view=mine')).items[0];
    expect((await ana.request('POST', `/api/inbox/${g1.id}/resolve`, { handBack: { to: 'waiting' } })).status).toBe(200);
    expect(await assignees(world)).toEqual([
      ['g2', 'Ben Agent'],
      ['g3', 'Ana Agent'],
    ]);

    // g4 waits (both at their limit) until Cleo comes online.
    await customerSays(world.parley, 'g4', 'help');
    expect((await assignees(world)).at(-1)).toEqual(['g4', null]);
    await cleo.request('PUT', '/api/inbox/presence', { online: true });
    expect((await assignees(world)).at(-1)).toEqual(['g4', 'Cleo Agent']);

    // Going away keeps what one has, and takes nothing new.
    await cleo.request('PUT', '/api/inbox/presence', { online: false });
    const g2 = (await inboxOf(ben, 'view=mine')).items[0];
    await ben.request('POST', `/api/inbox/${g2.id}/resolve`, { handBack: { to: 'waiting' } });
    await customerSays(world.parley, 'g5', 'help');
    // Round-robin after Cleo starts again at Ana (full), then Ben (free).
    expect((await assignees(world)).at(-1)).toEqual(['g5', 'Ben Agent']);
  });

  it('assigns a transfer in the new team, and never when the team turned auto-assignment off', async () => {
    world = await inboxWorld();
    const [ana, ben] = world.agents;
    if (!ana || !ben) throw new Error('agents');
    await addTeam(world, { key: 'billing', memberIds: [ana.user.id], autoAssign: false });
    await addTeam(world, { key: 'refunds', memberIds: [ben.user.id] });
    await ana.request('PUT', '/api/inbox/presence', { online: true });
    await ben.request('PUT', '/api/inbox/presence', { online: true });
    await customerSays(world.parley, 'g1', 'help');
    const [item] = (await inboxOf(ana)).items;
    expect(item).toMatchObject({ status: 'waiting', assigneeId: null });
    await ana.request('POST', `/api/inbox/${item.id}/assign`, { teamKey: 'refunds' });
    expect((await inboxOf(ben, 'view=mine')).items).toMatchObject([{ id: item.id, teamKey: 'refunds', assigneeName: 'Ben Agent' }]);
  });
});
