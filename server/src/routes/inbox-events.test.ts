import { afterEach, describe, expect, it } from 'vitest';
import { type InboxWorld, addTeam, customerSays, inboxOf, inboxWorld } from '../inbox/testing';

let world: InboxWorld;
afterEach(() => world.parley.close());

/** Reads a server-sent event stream until `count` events of `name` arrived; returns their ids and data. */
async function readEvents(body: ReadableStream<Uint8Array>, name: string, count: number) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const found: { id: string; data: unknown }[] = [];
  while (found.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (key: string) => block.split('\n').find((line) => line.startsWith(`${key}: `))?.slice(key.length + 2);
      if (field('event') === name) found.push({ id: field('id') ?? '', data: JSON.parse(field('data') ?? 'null') });
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return found;
}

describe('GET /api/inbox/events', () => {
  it('pushes inbox events to a signed-in agent as they happen, and resumes after Last-Event-ID', async () => {
    world = await inboxWorld();
    const [ana] = world.agents;
    if (!ana) throw new Error('agents');
    await addTeam(world, { key: 'billing', autoAssign: false });
    const stream = await ana.request('GET', '/api/inbox/events');
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const body = stream.body;
    if (!body) throw new Error('no body');
    const reading = readEvents(body, 'inbox', 2);

    await customerSays(world.parley, 'g1', 'help');
    const [item] = (await inboxOf(ana)).items;
    await ana.request('POST', `/api/inbox/${item.id}/claim`);
    const events = await reading;
    expect(events.map((e) => e.data)).toEqual([
      { type: 'queued', handoffId: item.id, conversationId: item.conversationId, teamKey: 'billing', at: '2026-03-02T10:00:00.000Z' },
      { type: 'assigned', handoffId: item.id, conversationId: item.conversationId, teamKey: 'billing', at: '2026-03-02T10:00:00.000Z' },
    ]);

    // A reconnect names the last id it saw and gets what came after.
    await ana.request('POST', `/api/inbox/${item.id}/note`, { text: 'checking' });
    const resumed = await ana.request('GET', '/api/inbox/events', undefined, { headers: { 'last-event-id': events[1]?.id ?? '' } });
    const [next] = await readEvents(resumed.body ?? new ReadableStream(), 'inbox', 1);
    expect(next?.data).toMatchObject({ type: 'note', handoffId: item.id });
  });

  it('is for signed-in agents only', async () => {
    world = await inboxWorld();
    const anonymous = await world.parley.app.request('/api/inbox/events');
    expect(anonymous.status).toBe(401);
  });
});
