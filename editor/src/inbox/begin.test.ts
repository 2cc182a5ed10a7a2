// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { setTransport } from '../api/http';
import { fakeServer, inboxList } from '../testing/inbox';
import { createInboxStore } from './inbox-store';

afterEach(() => {
  localStorage.clear();
  setTransport((input, init) => fetch(input, init));
});

describe('opening the inbox for an agent', () => {
  it("loads it, says the agent's own remembered presence again, and starts afresh for another agent", async () => {
    const calls = fakeServer((call) => {
      if (call.path.startsWith('/api/inbox?')) return { status: 200, body: inboxList() };
      if (call.path === '/api/teams') return { status: 200, body: { teams: [] } };
      if (call.path === '/api/canned-responses') return { status: 200, body: { cannedResponses: [] } };
      return { status: 200, body: { online: Object(call.body).online } };
    });
    const store = createInboxStore();
    await store.getState().begin('u1');
    expect(calls.map((c) => c.path).sort()).toEqual(['/api/canned-responses', '/api/inbox?view=waiting', '/api/teams']);
    await store.getState().setView('mine');
    await store.getState().setOnline(true);

    calls.length = 0;
    await store.getState().begin('u1');
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([{ method: 'PUT', path: '/api/inbox/presence', body: { online: true } }]);
    expect(store.getState().view).toBe('mine');

    // Another agent on this browser: their own view and presence, not the last one's.
    calls.length = 0;
    await store.getState().begin('u2');
    expect(store.getState()).toMatchObject({ agentKey: 'u2', view: 'waiting', online: false });
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });
});
