import { afterEach, describe, expect, it } from 'vitest';
import { setTransport } from '../api/http';
import { type Call, fakeServer, inboxDetail, inboxItem, inboxList } from '../testing/inbox';
import { createInboxStore } from './inbox-store';

afterEach(() => setTransport((input, init) => fetch(input, init)));

const ok = (body: unknown) => ({ status: 200, body });

/** A server holding one waiting hand-off; `log` receives every call. */
function server(overrides: (call: Call) => { status: number; body: unknown } | undefined = () => undefined) {
  return fakeServer((call) => {
    const special = overrides(call);
    if (special) return special;
    if (call.path.startsWith('/api/inbox?')) return ok(inboxList());
    if (call.path === '/api/inbox/h1') return ok(inboxDetail());
    if (call.method === 'POST') return ok({ ok: true });
    return { status: 404, body: { error: { code: 'not_found', message: 'No such thing.' } } };
  });
}

describe('the inbox store', () => {
  it('loads a view of a queue, with the counts, and keeps only the latest answer', async () => {
    let release: () => void = () => undefined;
    const calls = server();
    const store = createInboxStore(() => 1_000);
    await store.getState().setTeam('front-desk');
    expect(calls.at(-1)?.path).toBe('/api/inbox?view=waiting&team=front-desk');
    expect(store.getState().list?.items.map((i) => i.id)).toEqual(['h1']);
    expect(store.getState().list?.counts.teams[0]?.name).toBe('Front desk');

    // A slow "waiting" answer arriving after a quick "resolved" one must not replace it.
    const gate = new Promise<void>((resolve) => (release = resolve));
    setTransport(async (input) => {
      const path = String(input);
      if (path.includes('view=waiting')) await gate;
      const items = path.includes('view=resolved') ? [inboxItem({ id: 'h9', status: 'resolved', resolvedAt: '2026-11-25T11:00:00Z' })] : [inboxItem()];
      return new Response(JSON.stringify(inboxList(items)), { status: 200 });
    });
    const slow = store.getState().setView('waiting');
    await store.getState().setView('resolved');
    release();
    await slow;
    expect(store.getState().view).toBe('resolved');
    expect(store.getState().list?.items.map((i) => i.id)).toEqual(['h9']);
  });

  it('says when an answer breaks the contract instead of showing it', async () => {
    server((call) => (call.path.startsWith('/api/inbox?') ? ok({ items: [{ id: 'h1' }], counts: {} }) : undefined));
    const store = createInboxStore();
    await store.getState().refreshList();
    expect(store.getState().list).toBeNull();
    expect(store.getState().listError).toContain('did not have the expected shape');
  });

  it('opens a conversation, replies, notes, claims, transfers and resolves, refetching after each', async () => {
    const calls = server();
    const store = createInboxStore();
    await store.getState().open('h1');
    expect(store.getState().detail?.transcript).toHaveLength(7);
    calls.length = 0;

    expect(await store.getState().reply({ text: 'Of course', attachments: [] })).toBe(true);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/inbox/h1/reply', 'GET /api/inbox?view=waiting', 'GET /api/inbox/h1']);
    expect(calls[0]?.body).toEqual({ text: 'Of course', attachments: [] });

    calls.length = 0;
    await store.getState().note('VIP');
    await store.getState().claim();
    await store.getState().assign({ teamKey: 'spa' });
    await store.getState().resolve({ to: 'node', nodeId: 'menu' });
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => [c.path, c.body])).toEqual([
      ['/api/inbox/h1/note', { text: 'VIP' }],
      ['/api/inbox/h1/claim', {}],
      ['/api/inbox/h1/assign', { teamKey: 'spa' }],
      ['/api/inbox/h1/resolve', { handBack: { to: 'node', nodeId: 'menu' } }],
    ]);
  });

  it("shows the server's refusal of an action, and goes online or away", async () => {
    const calls = server((call) =>
      call.path.endsWith('/reply') ? { status: 409, body: { error: { code: 'window_closed', message: 'The 24-hour window has closed.' } } } : call.method === 'PUT' ? ok({ online: true }) : undefined,
    );
    const store = createInboxStore();
    await store.getState().open('h1');
    expect(await store.getState().reply({ text: 'Hi' })).toBe(false);
    expect(store.getState().actionError).toBe('The 24-hour window has closed.');
    expect(await store.getState().setOnline(true)).toBe(true);
    expect(store.getState().online).toBe(true);
    expect(calls.at(-1)).toEqual({ method: 'PUT', path: '/api/inbox/presence', body: { online: true } });
    setTransport(async () => new Response(JSON.stringify({ error: { code: 'forbidden', message: 'Only agents take work.' } }), { status: 403 }));
    const going = store.getState().setOnline(false);
    expect(store.getState().online).toBe(false);
    expect(await going).toBe(false);
    expect(store.getState()).toMatchObject({ online: true, presenceError: 'Only agents take work.' });
  });

  it('tells a conversation that left the inbox from other failures', async () => {
    server((call) => (call.path === '/api/inbox/gone' ? { status: 404, body: { error: { code: 'not_found', message: 'x' } } } : undefined));
    const store = createInboxStore();
    await store.getState().open('gone');
    expect(store.getState().detailError).toBe('This conversation is no longer in the inbox.');
  });
});
