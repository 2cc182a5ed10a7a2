import { describe, expect, it } from 'vitest';
import { createBot, publishBot } from '../bots/service';
import { testParley } from '../testing';

const flow = {
  schemaVersion: 1,
  id: 'echo',
  name: 'Echo',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'ask', type: 'buttons', position: { x: 250, y: 0 }, data: { text: 'Pick one', buttons: [{ id: 'a', title: 'A' }], maxMisses: 0 } },
  ],
  edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' }],
};

const count = (parley: ReturnType<typeof testParley>, sql: string) => Number(parley.deps.store.sqlite.prepare(sql).pluck().get());

describe('group commit', () => {
  it('a write refused in a batch fails alone; the others, new conversations included, are stored whole', async () => {
    const parley = testParley();
    expect(createBot(parley.deps, { id: 'echo', name: 'Echo', flow }).ok).toBe(true);
    expect(publishBot(parley.deps, 'echo', {}).ok).toBe(true);
    const first = await parley.deps.pipeline.receive({ botId: 'echo', channel: 'web', externalKey: 'old' }, { kind: 'text', text: 'hi' });
    if (!first.ok) throw new Error(first.error.message);
    // Same tick: a refused system event for "old" and the first messages of two new customers.
    // The new conversations are written first in the batch, so the refusal rolls their inserts back.
    const [ana, bo, refused] = await Promise.all([
      parley.deps.pipeline.receive({ botId: 'echo', channel: 'web', externalKey: 'ana' }, { kind: 'text', text: 'hi' }),
      parley.deps.pipeline.receive({ botId: 'echo', channel: 'web', externalKey: 'bo' }, { kind: 'text', text: 'hi' }),
      // A timer that does not exist (as if fired already): its guard refuses.
      parley.deps.pipeline.deliver(first.value.conversationId, { kind: 'timer', timerId: 't' }, { kind: 'fireTimer', timerId: 'no-such-timer' }),
    ]);
    expect(refused.ok).toBe(false);
    expect(ana.ok && bo.ok).toBe(true);
    expect(count(parley, 'select count(*) from conversations')).toBe(3);
    // Every turn belongs to a stored conversation, and no two customers share one.
    expect(count(parley, 'select count(*) from turns where conversation_key not in (select key from conversations)')).toBe(0);
    expect(count(parley, 'select count(distinct conversation_key) from turns')).toBe(3);
    parley.close();
  });

  it('two new conversations reusing one messageId at once: one answered, the other told 409 naming the field', async () => {
    const parley = testParley();
    expect(createBot(parley.deps, { id: 'echo', name: 'Echo', flow }).ok).toBe(true);
    expect(publishBot(parley.deps, 'echo', {}).ok).toBe(true);
    const send = (conversationId: string, messageId = 'same') => parley.request('POST', '/webhooks/web/echo', { conversationId, text: 'hi', messageId });
    const [x, y] = await Promise.all([send('x'), send('y')]);
    expect([x.status, y.status]).toEqual([200, 409]);
    expect(await y.json()).toMatchObject({ error: { code: 'duplicate_message_id', field: 'messageId' } });
    // The refused customer left nothing behind: no conversation, no turn; their next message starts afresh.
    expect(parley.deps.store.sqlite.prepare('select external_key as who from conversations').all()).toEqual([{ who: 'x' }]);
    expect(count(parley, 'select count(*) from turns')).toBe(1);
    const again = await send('y', 'y-1');
    expect(again.status).toBe(200);
    expect((await again.json()).replies).toEqual([{ type: 'buttons', text: 'Pick one', buttons: [{ title: 'A', payload: 'a' }] }]);
    expect(count(parley, 'select count(*) from turns')).toBe(2);
    parley.close();
  });
});
