import { describe, expect, it } from 'vitest';
import { createBot, publishBot, saveDraft } from '../bots/service';
import { testParley } from '../testing';

const node = (id: string, type: string, data: Record<string, unknown>, x = 0) => ({ id, type, position: { x, y: 0 }, data });
const edge = (id: string, source: string, sourceHandle: string, target: string) => ({ id, source, sourceHandle, target });

const front = {
  schemaVersion: 1,
  id: 'front',
  name: 'Front desk',
  nodes: [
    node('start', 'start', {}),
    node('hello', 'message', { text: 'Welcome! Let me pass you to our shop.' }, 250),
    node('go', 'goto', { target: { kind: 'flow', flowId: 'shop', flowNodeId: 'ask' } }, 500),
  ],
  edges: [edge('e1', 'start', 'next', 'hello'), edge('e2', 'hello', 'next', 'go')],
};

const shop = (question: string) => ({
  schemaVersion: 1,
  id: 'shop',
  name: 'Shop',
  nodes: [
    node('start', 'start', {}),
    node('ask', 'buttons', { text: question, buttons: [{ id: 'yes', title: 'Yes' }], saveAs: 'answer' }, 250),
    node('done', 'message', { text: 'Shop says: {{answer}}' }, 500),
  ],
  edges: [edge('e1', 'start', 'next', 'ask'), edge('e2', 'ask', 'yes', 'done')],
});

describe('go to another flow', () => {
  it('continues in the other bot, and stays on that bot\u2019s version until the session ends', async () => {
    const parley = testParley();
    for (const [id, flow] of [['front', front], ['shop', shop('Shall we find your size?')]] as const) {
      expect(createBot(parley.deps, { id, name: id, flow }).ok).toBe(true);
      expect(publishBot(parley.deps, id, {}).ok).toBe(true);
    }
    const say = async (text: string) => (await (await parley.request('POST', '/webhooks/web/front', { conversationId: 'ana', text })).json()).replies;
    expect(await say('hi')).toEqual([
      { type: 'text', text: 'Welcome! Let me pass you to our shop.' },
      { type: 'buttons', text: 'Shall we find your size?', buttons: [{ title: 'Yes', payload: 'yes' }] },
    ]);
    // The shop publishes a new version mid-conversation: this session keeps the one it entered.
    expect(saveDraft(parley.deps, 'shop', shop('Changed question?')).ok).toBe(true);
    expect(publishBot(parley.deps, 'shop', {}).ok).toBe(true);
    parley.deps.directory.conversations.forgetBot('front');
    expect(await say('yes')).toEqual([{ type: 'text', text: 'Shop says: Yes' }]);
    parley.close();
  });

  it('records a clear event when the other bot does not exist', async () => {
    const parley = testParley();
    expect(createBot(parley.deps, { id: 'front', name: 'front', flow: front }).ok).toBe(true);
    expect(publishBot(parley.deps, 'front', {}).ok).toBe(true);
    const response = await parley.request('POST', '/webhooks/web/front', { conversationId: 'bo', text: 'hi' });
    expect(response.status).toBe(200);
    const events = parley.deps.store.sqlite.prepare('select type, data from events').all();
    expect(events).toEqual([
      { type: 'flow.switch_failed', data: expect.stringContaining('shop') },
      { type: 'flow.stopped', data: expect.stringContaining('cannot go to bot') },
    ]);
    const state = JSON.parse(String(parley.deps.store.sqlite.prepare('select state from turns order by id desc limit 1').pluck().get()));
    expect(state.status).toBe('ended');
    parley.close();
  });
});
