import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FLOW_SCHEMA_VERSION } from '@parley/shared';
import { type TestParley, testParley } from '../testing';

let parley: TestParley;
beforeEach(() => {
  parley = testParley();
});
afterEach(() => parley.close());

const json = async (response: Response | Promise<Response>) => (await response).json();

/** start → message → end, with the message text given (empty text is an error). */
const flowSaying = (text: string) => ({
  schemaVersion: 1,
  id: 'ignored',
  name: 'ignored',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'hello', type: 'message', position: { x: 200, y: 0 }, data: text ? { text } : {} },
    { id: 'bye', type: 'end', position: { x: 400, y: 0 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'hello' },
    { id: 'e2', source: 'hello', target: 'bye' },
  ],
});

describe('bots CRUD', () => {
  it('creates, lists, reads, renames and deletes a bot', async () => {
    const created = await parley.request('POST', '/api/bots', { name: 'Shoe Shop!', description: 'Sells shoes' });
    expect(created.status).toBe(201);
    const bot = await created.json();
    expect(bot).toMatchObject({ name: 'Shoe Shop!', description: 'Sells shoes', draftRevision: 1, publishedVersionId: null, publishedVersion: null });
    expect(bot.id).toMatch(/^shoe-shop-[a-z0-9]{6}$/);

    const draft = await json(parley.request('GET', `/api/bots/${bot.id}/flow`));
    expect(draft.revision).toBe(1);
    expect(draft.flow).toMatchObject({ schemaVersion: FLOW_SCHEMA_VERSION, id: bot.id, name: 'Shoe Shop!', nodes: [{ id: 'start', type: 'start', position: { x: 0, y: 0 } }] });
    expect(draft.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);

    expect((await json(parley.request('GET', '/api/bots'))).bots.map((b: { id: string }) => b.id)).toEqual([bot.id]);
    const renamed = await json(parley.request('PATCH', `/api/bots/${bot.id}`, { name: 'Boot Shop' }));
    expect(renamed).toMatchObject({ id: bot.id, name: 'Boot Shop', description: 'Sells shoes' });
    expect((await json(parley.request('GET', `/api/bots/${bot.id}/flow`))).flow.name).toBe('Boot Shop');

    expect((await parley.request('DELETE', `/api/bots/${bot.id}`)).status).toBe(200);
    expect((await parley.request('GET', `/api/bots/${bot.id}`)).status).toBe(404);
    expect((await json(parley.request('GET', '/api/bots'))).bots).toEqual([]);
  });

  it('takes a given id and flow, and refuses a taken id with 409', async () => {
    const created = await parley.request('POST', '/api/bots', { id: 'greeter', name: 'Greeter', flow: flowSaying('Hi') });
    expect(created.status).toBe(201);
    const draft = await json(parley.request('GET', '/api/bots/greeter/flow'));
    expect(draft.flow).toMatchObject({ id: 'greeter', name: 'Greeter' });
    expect(draft.flow.nodes).toHaveLength(3);

    const again = await parley.request('POST', '/api/bots', { id: 'greeter', name: 'Other' });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: 'bot_exists', field: 'id' });
  });

  it('answers 400 naming the field for wrong types and bad flows', async () => {
    const wrongType = await parley.request('POST', '/api/bots', { name: 42 });
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json()).error).toMatchObject({ code: 'invalid_input', field: 'name' });

    const badId = await parley.request('POST', '/api/bots', { id: 'Not OK', name: 'x' });
    expect(badId.status).toBe(400);
    expect((await badId.json()).error.field).toBe('id');

    const badFlow = await parley.request('POST', '/api/bots', { name: 'x', flow: { nodes: [{ id: 'a', type: 'start', position: { x: 'left', y: 0 }, data: {} }] } });
    expect(badFlow.status).toBe(400);
    expect((await badFlow.json()).error).toMatchObject({ code: 'invalid_flow', field: 'flow.nodes.0.position.x' });

    const malformed = await parley.request('POST', '/api/bots', '{"name":');
    expect(malformed.status).toBe(400);

    await parley.request('POST', '/api/bots', { id: 'b1', name: 'B' });
    const badRevision = await parley.request('PUT', '/api/bots/b1/flow', { flow: flowSaying('x'), revision: 'one' });
    expect(badRevision.status).toBe(400);
    expect((await badRevision.json()).error.field).toBe('revision');

    const badLimit = await parley.request('GET', '/api/conversations?limit=lots');
    expect(badLimit.status).toBe(400);
    expect((await badLimit.json()).error.field).toBe('limit');
  });

  it('answers 404 naming an unknown bot on every per-bot route', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/bots/ghost'],
      ['PATCH', '/api/bots/ghost', { name: 'x' }],
      ['DELETE', '/api/bots/ghost'],
      ['GET', '/api/bots/ghost/flow'],
      ['PUT', '/api/bots/ghost/flow', { flow: flowSaying('x') }],
      ['POST', '/api/bots/ghost/publish'],
      ['GET', '/api/bots/ghost/versions'],
      ['GET', '/api/bots/ghost/versions/1'],
      ['GET', '/api/bots/ghost/export'],
      ['POST', '/api/bots/ghost/import', flowSaying('x')],
      ['GET', '/api/bots/ghost/products'],
      ['GET', '/api/conversations?botId=ghost'],
    ] as const) {
      const response = await parley.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect((await response.json()).error.message).toContain('"ghost"');
    }
  });

  it('refuses every admin route without the token (401)', async () => {
    for (const path of ['/api/bots', '/api/conversations', '/api/node-types', '/api/flow-schema.json']) {
      expect((await parley.app.request(path)).status).toBe(401);
      expect((await parley.app.request(path, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    }
    expect((await parley.app.request('/api/bots', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' })).status).toBe(401);
  });
});

describe('draft', () => {
  it('saves with a revision, and refuses a save over a newer one with 409 edited_elsewhere', async () => {
    await parley.request('POST', '/api/bots', { id: 'b1', name: 'B' });
    const first = await json(parley.request('PUT', '/api/bots/b1/flow', { flow: flowSaying('one'), revision: 1 }));
    expect(first).toEqual({ revision: 2, problems: [] });

    const stale = await parley.request('PUT', '/api/bots/b1/flow', { flow: flowSaying('two'), revision: 1 });
    expect(stale.status).toBe(409);
    const error = (await stale.json()).error;
    expect(error).toMatchObject({ code: 'edited_elsewhere', details: { revision: 2 } });
    expect(error.message).toContain('another tab');
    expect((await json(parley.request('GET', '/api/bots/b1/flow'))).flow.nodes[1].data.text).toBe('one');

    // Without a revision the save always wins; problems are reported but the draft is kept.
    const withProblems = await json(parley.request('PUT', '/api/bots/b1/flow', { flow: flowSaying('') }));
    expect(withProblems.revision).toBe(3);
    expect(withProblems.problems.some((p: { severity: string; nodeId?: string }) => p.severity === 'error' && p.nodeId === 'hello')).toBe(true);
  });
});

describe('publishing and versions', () => {
  it('refuses a flow with errors (422), publishes once fixed, lists versions and rolls back', async () => {
    await parley.request('POST', '/api/bots', { id: 'b1', name: 'B', flow: flowSaying('') });
    const refused = await parley.request('POST', '/api/bots/b1/publish');
    expect(refused.status).toBe(422);
    const error = (await refused.json()).error;
    expect(error.code).toBe('flow_has_errors');
    expect(error.details.some((p: { nodeId?: string }) => p.nodeId === 'hello')).toBe(true);

    await parley.request('PUT', '/api/bots/b1/flow', { flow: flowSaying('v1') });
    expect(await json(parley.request('POST', '/api/bots/b1/publish'))).toMatchObject({ version: 1 });
    await parley.request('PUT', '/api/bots/b1/flow', { flow: flowSaying('v2') });
    const v2 = await json(parley.request('POST', '/api/bots/b1/publish', { note: 'second' }));
    expect(v2.version).toBe(2);
    expect((await json(parley.request('GET', '/api/bots/b1'))).publishedVersion).toBe(2);

    const say = async (conversationId: string) => (await json(parley.request('POST', '/webhooks/web/b1', { conversationId, text: 'hi' }))).replies;
    expect(await say('c1')).toEqual([{ type: 'text', text: 'v2' }]);

    const list = await json(parley.request('GET', '/api/bots/b1/versions'));
    expect(list.versions.map((v: { version: number; note: string; published: boolean }) => [v.version, v.note, v.published])).toEqual([
      [2, 'second', true],
      [1, '', false],
    ]);
    const one = await json(parley.request('GET', '/api/bots/b1/versions/1'));
    expect(one.flow.nodes[1].data.text).toBe('v1');
    expect((await parley.request('GET', '/api/bots/b1/versions/9')).status).toBe(404);
    const notNumber = await parley.request('GET', '/api/bots/b1/versions/first');
    expect(notNumber.status).toBe(400);
    expect((await notNumber.json()).error.field).toBe('version');

    const revisionBefore = (await json(parley.request('GET', '/api/bots/b1/flow'))).revision;
    const rolledBack = await json(parley.request('POST', '/api/bots/b1/versions/1/rollback'));
    expect(rolledBack).toMatchObject({ version: 3, revision: revisionBefore + 1 });
    const after = await json(parley.request('GET', '/api/bots/b1/versions'));
    expect(after.versions[0]).toMatchObject({ version: 3, note: 'Rolled back to version 1', published: true });
    const draft = await json(parley.request('GET', '/api/bots/b1/flow'));
    expect(draft).toMatchObject({ revision: revisionBefore + 1 });
    expect(draft.flow.nodes[1].data.text).toBe('v1');
    expect(await say('c2')).toEqual([{ type: 'text', text: 'v1' }]);
  });

  it('refuses a publish body of the wrong type', async () => {
    await parley.request('POST', '/api/bots', { id: 'b1', name: 'B' });
    const wrong = await parley.request('POST', '/api/bots/b1/publish', { note: 5 });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.field).toBe('note');
  });
});

describe('export and import', () => {
  it('round-trips a flow file, and migrates a version-0 file', async () => {
    await parley.request('POST', '/api/bots', { id: 'b1', name: 'B', flow: flowSaying('exported') });
    const exported = await parley.request('GET', '/api/bots/b1/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="b1.parley.json"');
    const file = await exported.json();
    expect(file).toMatchObject({ schemaVersion: FLOW_SCHEMA_VERSION, id: 'b1' });

    await parley.request('POST', '/api/bots', { id: 'b2', name: 'Copy' });
    const imported = await parley.request('POST', '/api/bots/b2/import', file);
    expect(imported.status).toBe(200);
    expect((await imported.json()).revision).toBe(2);
    const copy = (await json(parley.request('GET', '/api/bots/b2/flow'))).flow;
    expect(copy).toEqual({ ...file, id: 'b2', name: 'Copy' });

    // A file from before `schemaVersion` existed: a bare React Flow export.
    const { schemaVersion: _, ...legacy } = flowSaying('legacy');
    const fromV0 = await parley.request('POST', '/api/bots/b2/import', legacy);
    expect(fromV0.status).toBe(200);
    const migrated = (await json(parley.request('GET', '/api/bots/b2/flow'))).flow;
    expect(migrated).toMatchObject({ schemaVersion: FLOW_SCHEMA_VERSION, id: 'b2', settings: { locale: 'en' }, variables: [] });
    expect(migrated.nodes[1].data.text).toBe('legacy');

    const broken = await parley.request('POST', '/api/bots/b2/import', { nodes: 'none' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toMatchObject({ code: 'invalid_flow', field: 'nodes' });

    await parley.request('POST', '/api/bots/b1/publish');
    await parley.request('PUT', '/api/bots/b1/flow', { flow: flowSaying('changed') });
    const v1 = await json(parley.request('GET', '/api/bots/b1/export?version=1'));
    expect(v1.nodes[1].data.text).toBe('exported');
    expect((await parley.request('GET', '/api/bots/b1/export?version=7')).status).toBe(404);
  });
});

describe('meta', () => {
  it('lists node types, serves the flow JSON Schema and validates flows', async () => {
    const types = await json(parley.request('GET', '/api/node-types'));
    expect(types.builtIn.map((t: { type: string }) => t.type)).toContain('start');
    expect(types.custom).toEqual([]);
    expect(types.builtIn[0].configSchema).toBeTypeOf('object');

    const schema = await json(parley.request('GET', '/api/flow-schema.json'));
    expect(schema.title).toBe('Parley flow');

    expect(await json(parley.request('POST', '/api/validate', { flow: flowSaying('fine') }))).toEqual({ problems: [] });
    const withProblem = await json(parley.request('POST', '/api/validate', { flow: { ...flowSaying(''), id: undefined } }));
    expect(withProblem.problems[0]).toMatchObject({ severity: 'error', nodeId: 'hello' });
    const structural = await parley.request('POST', '/api/validate', { flow: { nodes: [{ id: 'x' }] } });
    expect(structural.status).toBe(400);
    expect((await structural.json()).error.field).toMatch(/^flow\.nodes\.0\./);

    const docs = await json(parley.app.request('/api/openapi.json'));
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/api/bots', '/api/bots/{id}/flow', '/api/bots/{id}/products', '/api/conversations/{id}/release', '/api/validate']));
  });
});
