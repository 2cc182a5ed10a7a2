import type { TeamInput } from '@parley/shared';
import { type TestBrowser, type TestParley, signedInAs, testParley } from '../testing';

/** A support bot for inbox tests: start → hand-off (queue `queue`); released → "Welcome back"; "again" → "Starting over". */
export function supportFlow(queue = 'billing') {
  return {
    schemaVersion: 1,
    id: 'support',
    name: 'Support',
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'human', type: 'handoff', position: { x: 200, y: 0 }, data: { queue, label: 'Billing team' } },
      { id: 'back', type: 'message', position: { x: 400, y: 0 }, data: { text: 'Welcome back' } },
      { id: 'again', type: 'message', position: { x: 400, y: 200 }, data: { text: 'Starting over', label: 'Start over' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'human' },
      { id: 'e2', source: 'human', sourceHandle: 'released', target: 'back' },
    ],
  };
}

/** A settable clock: tests move it to open and closed hours, and past SLA deadlines. */
export function testClock(iso: string) {
  let now = new Date(iso);
  return { now: () => now, set: (next: string) => (now = new Date(next)), advance: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

export interface InboxWorld {
  parley: TestParley;
  clock: ReturnType<typeof testClock>;
  agents: TestBrowser[];
  editor: TestBrowser;
}

/** A Parley with the support bot published, an editor and `agents` agents signed in. */
export async function inboxWorld(options: { agents?: number; at?: string; queue?: string; flow?: unknown; fetch?: typeof fetch; env?: Record<string, string> } = {}): Promise<InboxWorld> {
  // Monday 2 March 2026, 10:00 UTC.
  const clock = testClock(options.at ?? '2026-03-02T10:00:00Z');
  const parley = testParley({ now: clock.now, fetch: options.fetch, channelRetryDelaysMs: [] }, options.env);
  const created = await parley.request('POST', '/api/bots', { id: 'support', name: 'Support', flow: options.flow ?? supportFlow(options.queue) });
  if (created.status !== 201) throw new Error(`bot: ${await created.text()}`);
  const published = await parley.request('POST', '/api/bots/support/publish', { note: 'v1' });
  if (published.status !== 200) throw new Error(`publish: ${await published.text()}`);
  const editor = await signedInAs(parley, 'editor', 'Eve Editor');
  const agents: TestBrowser[] = [];
  for (const name of ['Ana Agent', 'Ben Agent', 'Cleo Agent'].slice(0, options.agents ?? 2)) agents.push(await signedInAs(parley, 'agent', name));
  return { parley, clock, agents, editor };
}

export const team = (input: Partial<TeamInput> & { key: string }): TeamInput => ({ name: input.key, memberIds: [], ...input });

export async function addTeam(world: InboxWorld, input: Partial<TeamInput> & { key: string }) {
  const response = await world.editor.request('POST', '/api/teams', team(input));
  if (response.status !== 201) throw new Error(`team: ${await response.text()}`);
  return (await response.json()).team;
}

/** A web customer writes; answers the bot's replies. */
export async function customerSays(parley: TestParley, widgetId: string, text: string) {
  const response = await parley.request('POST', '/webhooks/web/support', { conversationId: widgetId, text });
  if (response.status !== 200) throw new Error(`web: ${response.status} ${await response.text()}`);
  return (await response.json()).replies;
}

export async function inboxOf(browser: TestBrowser, query = 'view=all') {
  const response = await browser.request('GET', `/api/inbox?${query}`);
  if (response.status !== 200) throw new Error(`inbox: ${await response.text()}`);
  return response.json();
}
