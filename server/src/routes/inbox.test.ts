import { inboxAgentsSchema, inboxDetailSchema, inboxListSchema } from '@parley/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type InboxWorld, addTeam, customerSays, inboxOf, inboxWorld } from '../inbox/testing';

let world: InboxWorld;
const messagesSchema = z.object({ messages: z.array(z.object({ reply: z.looseObject({ type: z.string(), text: z.string().optional() }) })) });
afterEach(() => world.parley.close());

const later = async (widgetId: string) => {
  const response = await world.parley.request('GET', `/webhooks/web/support/conversations/${widgetId}/messages?after=0`);
  return messagesSchema.parse(await response.json()).messages.map((m) => m.reply);
};

describe('the inbox', () => {
  it('queues a hand-off; an agent claims, replies, notes and resolves; the bot continues at the chosen node', async () => {
    world = await inboxWorld();
    const [ana, ben] = world.agents;
    if (!ana || !ben) throw new Error('agents');
    await addTeam(world, { key: 'billing', name: 'Billing', autoAssign: false, sla: { firstResponseMinutes: 60, resolutionMinutes: 480 }, memberIds: [ana.user.id, ben.user.id] });

    expect(await customerSays(world.parley, 'guest-1', 'My invoice is wrong')).toEqual([{ type: 'handoff', text: "I'm connecting you with a member of our team. They'll reply here.", queue: 'billing' }]);
    const waiting = await inboxOf(ana, 'view=waiting');
    // The answers keep the wire contract the editor reads.
    expect(inboxListSchema.safeParse(waiting).success).toBe(true);
    expect(waiting.counts).toEqual({ waiting: 1, mine: 0, all: 1, teams: [{ key: 'billing', name: 'Billing', waiting: 1, open: 1 }] });
    const [item] = waiting.items;
    expect(item).toMatchObject({
      botId: 'support',
      botName: 'Support',
      channel: 'web',
      contact: { name: null, externalKey: 'guest-1' },
      teamKey: 'billing',
      priority: 'normal',
      status: 'waiting',
      assigneeId: null,
      queuedAt: '2026-03-02T10:00:00.000Z',
      lastMessage: 'My invoice is wrong',
      sla: { firstResponse: { dueAt: '2026-03-02T11:00:00.000Z', remainingMinutes: 60, state: 'running' }, resolution: { dueAt: '2026-03-02T18:00:00.000Z', state: 'running' } },
    });

    world.clock.advance(10);
    expect((await ana.request('POST', `/api/inbox/${item.id}/claim`)).status).toBe(200);
    const taken = await ben.request('POST', `/api/inbox/${item.id}/claim`);
    expect(taken.status).toBe(409);
    expect((await taken.json()).error).toMatchObject({ code: 'already_assigned', message: expect.stringContaining('Ana Agent') });
    expect((await inboxOf(ana, 'view=mine')).items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    expect((await inboxOf(ben, 'view=mine')).items).toEqual([]);

    world.clock.advance(1);
    const replied = await ana.request('POST', `/api/inbox/${item.id}/reply`, { text: 'Hello, Ana here. Which invoice?', attachments: [{ url: 'https://files.example/guide.pdf', name: 'guide.pdf' }] });
    expect(replied.status, await replied.clone().text()).toBe(200);
    expect((await later('guest-1')).slice(1)).toEqual([
      { type: 'text', text: 'Hello, Ana here. Which invoice?' },
      { type: 'file', url: 'https://files.example/guide.pdf', name: 'guide.pdf' },
    ]);
    world.clock.advance(1);
    expect((await ana.request('POST', `/api/inbox/${item.id}/note`, { text: 'Customer is a VIP' })).status).toBe(200);
    const emptyNote = await ana.request('POST', `/api/inbox/${item.id}/note`, { text: ' ' });
    expect((await emptyNote.json()).error).toMatchObject({ field: 'text', message: expect.stringContaining('write the note') });

    // With people: the bot says nothing more.
    world.clock.advance(1);
    expect(await customerSays(world.parley, 'guest-1', 'Invoice 2026-17')).toEqual([]);

    const detail = await (await ana.request('GET', `/api/inbox/${item.id}`)).json();
    expect(inboxDetailSchema.safeParse(detail).error).toBeUndefined();
    expect(detail.item).toMatchObject({ status: 'assigned', assigneeName: 'Ana Agent', firstResponseAt: '2026-03-02T10:11:00.000Z', lastMessage: 'Invoice 2026-17', sla: { firstResponse: { state: 'met' } } });
    expect(detail.transcript.map((e: { from: string; text?: string }) => [e.from, e.text ?? ''])).toEqual([
      ['customer', 'My invoice is wrong'],
      ['bot', ''],
      ['system', 'Handed to the "billing" queue'],
      ['system', 'Ana Agent took the conversation'],
      ['agent', 'Hello, Ana here. Which invoice?'],
      ['note', 'Customer is a VIP'],
      ['customer', 'Invoice 2026-17'],
    ]);
    expect(detail.transcript[4]).toMatchObject({ agentId: ana.user.id, agentName: 'Ana Agent', attachments: [{ url: 'https://files.example/guide.pdf', name: 'guide.pdf' }], delivery: 'sent', error: null });
    expect(detail.profile).toEqual({ name: null, language: null, channel: 'web', externalKey: 'guest-1' });
    expect(detail.window).toEqual({ open: true });
    expect(detail.variables).toMatchObject({ handoff: { queue: 'billing', status: 'accepted' } });
    expect(detail.resumeNodes).toContainEqual({ id: 'again', label: 'Start over' });
    expect(detail.resumeNodes).toContainEqual({ id: 'back', label: 'message (back)' });

    const unknownNode = await ana.request('POST', `/api/inbox/${item.id}/resolve`, { handBack: { to: 'node', nodeId: 'nowhere' } });
    expect((await unknownNode.json()).error).toMatchObject({ field: 'nodeId' });
    const resolved = await ana.request('POST', `/api/inbox/${item.id}/resolve`, { handBack: { to: 'node', nodeId: 'again' } });
    expect(resolved.status).toBe(200);
    expect((await resolved.json()).replies).toEqual([{ type: 'text', text: 'Starting over' }]);
    expect((await later('guest-1')).at(-1)).toEqual({ type: 'text', text: 'Starting over' });
    const done = await inboxOf(ana, 'view=resolved');
    expect(done.items[0]).toMatchObject({ id: item.id, status: 'resolved', resolvedAt: '2026-03-02T10:13:00.000Z' });
    expect(done.counts).toMatchObject({ waiting: 0, mine: 0, all: 0 });
    expect((await ana.request('POST', `/api/inbox/${item.id}/reply`, { text: 'still there?' })).status).toBe(409);
  });

  it('hands back where the bot waited, or ends the conversation', async () => {
    world = await inboxWorld();
    const [ana] = world.agents;
    if (!ana) throw new Error('agents');
    await customerSays(world.parley, 'guest-2', 'help');
    const [first] = (await inboxOf(ana)).items;
    const back = await ana.request('POST', `/api/inbox/${first.id}/resolve`, { handBack: { to: 'waiting' } });
    expect((await back.json()).replies).toEqual([{ type: 'text', text: 'Welcome back' }]);

    await customerSays(world.parley, 'guest-3', 'help');
    const [second] = (await inboxOf(ana)).items;
    const ended = await ana.request('POST', `/api/inbox/${second.id}/resolve`, { handBack: { to: 'end' } });
    expect(ended.status).toBe(200);
    expect((await ended.json()).replies).toEqual([]);
    // A new session: the flow starts again, and hands off again.
    expect(await customerSays(world.parley, 'guest-3', 'hello again')).toMatchObject([{ type: 'handoff' }]);
    const [third] = (await inboxOf(ana)).items;
    expect(third).toBeDefined();

    // The older release API resolves the same way, and the inbox hears of every resolution once.
    expect((await world.parley.request('POST', `/api/conversations/${third.conversationId}/release`, {})).status).toBe(200);
    const count = (sql: string) => world.parley.deps.store.sqlite.prepare(sql).pluck().get();
    expect(count("select count(*) from events where type = 'inbox.resolved'")).toBe(3);
    expect(count("select count(*) from inbox_events where type = 'resolved'")).toBe(3);
    expect((await inboxOf(ana, 'view=resolved')).items.map((i: { id: string }) => i.id).sort()).toEqual([first.id, second.id, third.id].sort());
  });

  it('transfers to another team, to an agent, back to the queue; an unknown queue is its own', async () => {
    world = await inboxWorld({ queue: 'sales-emea' });
    const [ana, ben] = world.agents;
    if (!ana || !ben) throw new Error('agents');
    await addTeam(world, { key: 'refunds', name: 'Refunds', autoAssign: false });
    await customerSays(world.parley, 'guest-4', 'I want a refund');
    const list = await inboxOf(ana);
    expect(list.counts.teams).toEqual([
      { key: 'refunds', name: 'Refunds', waiting: 0, open: 0 },
      { key: 'sales-emea', name: 'sales-emea', waiting: 1, open: 1 },
    ]);
    const [item] = list.items;
    expect((await ana.request('POST', `/api/inbox/${item.id}/claim`)).status).toBe(200);
    expect((await ana.request('POST', `/api/inbox/${item.id}/assign`, { teamKey: 'refunds' })).status).toBe(200);
    expect((await inboxOf(ana, 'view=waiting&team=refunds')).items).toMatchObject([{ id: item.id, teamKey: 'refunds', status: 'waiting', assigneeId: null }]);
    expect((await ana.request('POST', `/api/inbox/${item.id}/assign`, { agentId: ben.user.id })).status).toBe(200);
    expect((await inboxOf(ben, 'view=mine')).items).toMatchObject([{ id: item.id, assigneeName: 'Ben Agent' }]);
    expect((await ben.request('POST', `/api/inbox/${item.id}/assign`, { agentId: null })).status).toBe(200);
    expect((await inboxOf(ben, 'view=waiting')).items).toMatchObject([{ id: item.id, status: 'waiting' }]);
    const nobody = await ben.request('POST', `/api/inbox/${item.id}/assign`, { agentId: 'ghost' });
    expect((await nobody.json()).error).toMatchObject({ field: 'agentId' });
    const empty = await ben.request('POST', `/api/inbox/${item.id}/assign`, {});
    expect((await empty.json()).error).toMatchObject({ field: 'agentId', message: expect.stringContaining('name an agent or a team') });
    const detail = await (await ben.request('GET', `/api/inbox/${item.id}`)).json();
    expect(detail.transcript.filter((e: { from: string }) => e.from === 'system').map((e: { text: string }) => e.text)).toEqual([
      'Handed to the "sales-emea" queue',
      'Ana Agent took the conversation',
      'Ana Agent transferred the conversation from "sales-emea" to "refunds"',
      'Assigned to Ben Agent',
      'Ben Agent put the conversation back in the queue',
    ]);
    expect((await ben.request('GET', '/api/inbox/ghost')).status).toBe(404);
  });

  it('lists the people a conversation can go to, to every agent: online or away, their load and teams', async () => {
    world = await inboxWorld();
    const [ana, ben] = world.agents;
    if (!ana || !ben) throw new Error('agents');
    await addTeam(world, { key: 'billing', name: 'Billing', autoAssign: false, memberIds: [ben.user.id] });
    await customerSays(world.parley, 'guest-9', 'My invoice is wrong');
    const [item] = (await inboxOf(ana, 'view=waiting')).items;
    expect((await ana.request('POST', `/api/inbox/${item.id}/assign`, { agentId: ben.user.id })).status).toBe(200);
    expect((await ana.request('PUT', '/api/inbox/presence', { online: true })).status).toBe(200);

    const answer = await ben.request('GET', '/api/inbox/agents');
    expect(answer.status).toBe(200);
    const { agents } = inboxAgentsSchema.parse(await answer.json());
    expect(agents.find((a) => a.id === ana.user.id)).toMatchObject({ name: ana.user.name, online: true, open: 0, teamKeys: [] });
    expect(agents.find((a) => a.id === ben.user.id)).toMatchObject({ name: ben.user.name, online: false, open: 1, teamKeys: ['billing'] });
    // A colleague's name and address, never more of their account.
    expect(Object.keys(agents[0] ?? {}).sort()).toEqual(['email', 'id', 'name', 'online', 'open', 'role', 'teamKeys']);
  });
});
