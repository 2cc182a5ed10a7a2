import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Flow, FLOW_SCHEMA_VERSION, flowSchema } from './flow';
import { type NodeType, defineNodeType, end, next, wait } from './node-type';
import { type FlowProblem, type NodeCatalog, hasErrors, validateFlow } from './validate';

// Small node types of our own: shared must not depend on the runtime's built-in catalog.
const label = z.string().optional();

const startType = defineNodeType({
  type: 'start',
  title: 'Start',
  category: 'Messages',
  description: 'Where conversations begin.',
  config: z.object({ label }),
  ports: [{ id: 'next', label: 'Start' }],
  waitsForCustomer: false,
  isStart: true,
  enter: () => next('next'),
});

const sayType = defineNodeType({
  type: 'say',
  title: 'Say',
  category: 'Messages',
  description: 'Sends a text.',
  config: z.object({ label, text: z.string().min(1) }),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: false,
  enter: (data, ctx) => next('next', { replies: [{ type: 'text', text: ctx.render(data.text) }] }),
});

const askType = defineNodeType({
  type: 'ask',
  title: 'Ask',
  category: 'Questions',
  description: 'Asks a question with buttons and waits.',
  config: z.object({ label, text: z.string(), saveAs: z.string().optional(), buttons: z.array(z.object({ id: z.string(), title: z.string() })).default([]) }),
  ports: [
    { forEach: 'buttons', idKey: 'id', labelKey: 'title' },
    { id: 'fallback', label: 'Fallback' },
  ],
  variables: { writes: ['saveAs'], local: ['options'] },
  waitsForCustomer: true,
  enter: () => wait(null),
});

const callType = defineNodeType({
  type: 'call',
  title: 'Call API',
  category: 'Integrations',
  description: 'Calls an API.',
  config: z.object({ label, url: z.string() }),
  ports: [
    { id: 'ok', label: 'Success', required: true },
    { id: 'failed', label: 'Failure' },
  ],
  waitsForCustomer: false,
  enter: () => next('ok'),
});

const gotoType = defineNodeType({
  type: 'goto',
  title: 'Go to',
  category: 'Logic',
  description: 'Jumps to another node.',
  config: z.object({ label, target: z.string() }),
  ports: [],
  links: ['target'],
  waitsForCustomer: false,
  enter: (data) => ({ kind: 'jump', nodeId: data.target }),
});

const setType = defineNodeType({
  type: 'set',
  title: 'Set variable',
  category: 'Logic',
  description: 'Sets variables.',
  config: z.object({ label, mappings: z.array(z.object({ variable: z.string(), value: z.string() })) }),
  ports: [{ id: 'next', label: 'Next' }],
  variables: { writes: ['mappings[].variable'] },
  waitsForCustomer: false,
  enter: () => next('next'),
});

const ifType = defineNodeType({
  type: 'if',
  title: 'Condition',
  category: 'Logic',
  description: 'Branches on a variable.',
  config: z.object({ label, variable: z.string() }),
  ports: [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
  ],
  variables: { reads: ['variable'] },
  waitsForCustomer: false,
  enter: () => next('yes'),
});

const cardType = defineNodeType({
  type: 'card',
  title: 'Product card',
  category: 'Commerce',
  description: 'Shows products.',
  config: z.object({ label, title: z.string() }),
  ports: [{ id: 'next', label: 'Next' }],
  variables: { local: ['product'] },
  waitsForCustomer: false,
  enter: () => next('next'),
});

const endType = defineNodeType({
  type: 'end',
  title: 'End',
  category: 'Logic',
  description: 'Ends.',
  config: z.object({ label }),
  ports: [],
  waitsForCustomer: false,
  enter: () => end(),
});

/** Waits only when its `waitForReply` box is ticked, which it is by default. */
const maybeWaitType = defineNodeType({
  type: 'maybeWait',
  title: 'Maybe wait',
  category: 'Questions',
  description: 'Sends a text and maybe waits for a reply.',
  config: z.object({ label, waitForReply: z.boolean().default(true) }),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: { when: 'waitForReply' },
  enter: (data) => (data.waitForReply ? wait(null) : next('next')),
});

const types: NodeType[] = [startType, sayType, askType, callType, gotoType, setType, ifType, cardType, endType, maybeWaitType];
const catalog: NodeCatalog = new Map(types.map((type) => [type.type, type]));

type N = { id: string; type: string; data?: Record<string, unknown> };
type E = [source: string, handle: string | null, target: string];

function flowOf(nodes: N[], edges: E[], variables: Flow['variables'] = []): Flow {
  return flowSchema.parse({
    schemaVersion: FLOW_SCHEMA_VERSION,
    id: 'f',
    name: 'Flow',
    variables,
    nodes: nodes.map((node, i) => ({ id: node.id, type: node.type, position: { x: i * 100, y: 0 }, data: node.data ?? {} })),
    edges: edges.map(([source, sourceHandle, target], i) => ({ id: `e${i}`, source, sourceHandle, target })),
  });
}

const codes = (problems: FlowProblem[]) => problems.map((problem) => problem.code).sort();
const only = (problems: FlowProblem[], code: FlowProblem['code']) => problems.filter((problem) => problem.code === code);

describe('validateFlow', () => {
  it('returns no problem for a valid flow', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'hi', type: 'say', data: { text: 'Hello {{contact.name}}' } },
        { id: 'ask', type: 'ask', data: { text: 'Skin?', saveAs: 'skin', buttons: [{ id: 'dry', title: 'Dry' }] } },
        { id: 'thanks', type: 'say', data: { text: 'Noted: {{skin}}' } },
        { id: 'bye', type: 'end' },
      ],
      [
        ['start', null, 'hi'],
        ['hi', 'next', 'ask'],
        ['ask', 'dry', 'thanks'],
        ['ask', 'fallback', 'bye'],
        ['thanks', null, 'bye'],
      ],
    );
    const problems = validateFlow(flow, catalog);
    expect(problems).toEqual([]);
    expect(hasErrors(problems)).toBe(false);
  });

  it('reports every problem at once, each a sentence and each on its node', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'mystery', type: 'teleport' },
        { id: 'hi', type: 'say', data: { text: '' } },
        { id: 'api', type: 'call', data: { url: 'https://x.test' } },
        { id: 'greet', type: 'say', data: { text: 'Hi {{nickname}}' } },
        { id: 'orphan', type: 'say', data: { text: 'Nobody comes here' } },
      ],
      [
        ['start', null, 'hi'],
        ['hi', null, 'api'],
        ['api', 'failed', 'greet'],
        ['greet', null, 'ghost'],
        ['greet', 'sideways', 'start'],
      ],
    );
    const problems = validateFlow(flow, catalog);
    expect(codes(problems)).toEqual(
      [
        'unknown-node-type',
        'invalid-node-data',
        'edge-missing-node',
        'edge-unknown-port',
        'port-not-connected',
        'unreachable-node',
        'unreachable-node',
        'variable-never-set',
      ].sort(),
    );
    for (const problem of problems) {
      expect(problem.nodeId).toBeTypeOf('string');
      expect(problem.message).toMatch(/^[A-Z].*[.!]$/);
      // No raw JSON or internal ids such as separators leak into what a marketer reads.
      expect(problem.message).not.toMatch(/\u0000|\[object|undefined/);
    }
    expect(hasErrors(problems)).toBe(true);
  });

  it('reports an unknown node type by its type name', () => {
    const flow = flowOf([{ id: 'start', type: 'start' }, { id: 'x', type: 'teleport', data: { label: 'Beam me up' } }], [['start', null, 'x']]);
    const [problem, ...rest] = validateFlow(flow, catalog);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: 'error', code: 'unknown-node-type', nodeId: 'x' });
    expect(problem?.message).toContain('"Beam me up"');
    expect(problem?.message).toContain('"teleport"');
  });

  it('reports invalid node data with the field named', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'hi', type: 'say', data: { label: 'Welcome', text: 42 } },
      ],
      [['start', null, 'hi']],
    );
    const problems = validateFlow(flow, catalog);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'invalid-node-data', nodeId: 'hi', field: 'text' });
    expect(problems[0]?.message).toContain('"Welcome"');
    expect(problems[0]?.message).toContain('text');
  });

  it('reports each invalid field of a node, nested fields by their path', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'set', type: 'set', data: { mappings: [{ variable: 'a', value: 1 }] } },
        { id: 'hi', type: 'say', data: {} },
      ],
      [
        ['start', null, 'set'],
        ['set', null, 'hi'],
      ],
    );
    const problems = only(validateFlow(flow, catalog), 'invalid-node-data');
    expect(problems.map((p) => [p.nodeId, p.field])).toEqual([
      ['set', 'mappings.0.value'],
      ['hi', 'text'],
    ]);
  });

  it('reports a connection to a node that does not exist', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'hi', type: 'say', data: { text: 'Hi' } },
      ],
      [
        ['start', null, 'hi'],
        ['hi', null, 'gone'],
      ],
    );
    const problems = validateFlow(flow, catalog);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'edge-missing-node', nodeId: 'hi', edgeId: 'e1' });
    expect(problems[0]?.message).toContain('"gone"');
  });

  it('reports a connection from a node that does not exist, by its edge', () => {
    const flow = flowOf([{ id: 'start', type: 'start' }], [['gone', null, 'start']]);
    const problems = validateFlow(flow, catalog);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'edge-missing-node', edgeId: 'e0' });
    expect(problems[0]?.message).toContain('"gone"');
  });

  it('reports a connection from an output the node does not have', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'ask', type: 'ask', data: { label: 'Skin question', text: 'Skin?', buttons: [{ id: 'dry', title: 'Dry' }] } },
        { id: 'hi', type: 'say', data: { text: 'Hi' } },
      ],
      [
        ['start', null, 'ask'],
        ['ask', 'oily', 'hi'],
      ],
    );
    const problems = validateFlow(flow, catalog);
    const [problem, ...rest] = only(problems, 'edge-unknown-port');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: 'error', nodeId: 'ask', edgeId: 'e1' });
    expect(problem?.message).toContain('"Skin question"');
    expect(problem?.message).toContain('"oily"');
    // The engine never follows that connection, so its target is unreachable.
    expect(only(problems, 'unreachable-node').map((p) => p.nodeId)).toEqual(['hi']);
  });

  it('reports a connection from a node that has no outputs at all in words, not an empty name', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'bye', type: 'end' },
        { id: 'hi', type: 'say', data: { text: 'Hi' } },
      ],
      [
        ['start', null, 'bye'],
        ['bye', null, 'hi'],
      ],
    );
    const [problem, ...rest] = only(validateFlow(flow, catalog), 'edge-unknown-port');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ nodeId: 'bye', edgeId: 'e1' });
    expect(problem?.message).not.toContain('""');
    expect(problem?.message).toContain('End (bye)');
  });

  it('does not report a loop closed only by a connection from an output that does not exist', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'a', type: 'say', data: { text: 'a' } },
      ],
      [
        ['start', null, 'a'],
        ['a', 'sideways', 'start'],
      ],
    );
    expect(codes(validateFlow(flow, catalog))).toEqual(['edge-unknown-port']);
  });

  it('reports a required output left unconnected, by its label', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'api', type: 'call', data: { url: 'https://x.test' } },
        { id: 'sorry', type: 'say', data: { text: 'Sorry' } },
      ],
      [
        ['start', null, 'api'],
        ['api', 'failed', 'sorry'],
      ],
    );
    const problems = validateFlow(flow, catalog);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'port-not-connected', nodeId: 'api' });
    expect(problems[0]?.message).toContain('"Success"');
    expect(problems[0]?.message).toContain('Call API (api)');
  });

  it('counts a connection with no handle as coming from the first output', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'api', type: 'call', data: { url: 'https://x.test' } },
        { id: 'ok', type: 'say', data: { text: 'OK' } },
      ],
      [
        ['start', null, 'api'],
        ['api', null, 'ok'],
      ],
    );
    expect(validateFlow(flow, catalog)).toEqual([]);
  });

  it('warns about a node no path reaches', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'hi', type: 'say', data: { text: 'Hi' } },
        { id: 'island', type: 'say', data: { label: 'Lost island', text: 'Never sent' } },
        { id: 'after', type: 'say', data: { text: 'Also never' } },
      ],
      [
        ['start', null, 'hi'],
        ['island', null, 'after'],
      ],
    );
    const problems = validateFlow(flow, catalog);
    expect(problems.map((p) => [p.code, p.severity, p.nodeId])).toEqual([
      ['unreachable-node', 'warning', 'island'],
      ['unreachable-node', 'warning', 'after'],
    ]);
    expect(problems[0]?.message).toContain('"Lost island"');
    expect(hasErrors(problems)).toBe(false);
  });

  it('counts a go-to link as a path', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'jump', type: 'goto', data: { target: 'far' } },
        { id: 'far', type: 'say', data: { text: 'Far away' } },
      ],
      [['start', null, 'jump']],
    );
    expect(validateFlow(flow, catalog)).toEqual([]);
  });

  it('reports a go-to link to a node that does not exist', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'jump', type: 'goto', data: { target: 'nowhere' } },
      ],
      [['start', null, 'jump']],
    );
    const problems = validateFlow(flow, catalog);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'link-missing-node', nodeId: 'jump' });
    expect(problems[0]?.message).toContain('"nowhere"');
  });

  it('reports a flow without a Start node', () => {
    const flow = flowOf([{ id: 'hi', type: 'say', data: { text: 'Hi' } }], []);
    const problems = validateFlow(flow, catalog);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'no-start' });
    expect(problems[0]?.message).toMatch(/no Start node/);
  });

  it('reports every extra Start node', () => {
    const flow = flowOf(
      [
        { id: 's1', type: 'start' },
        { id: 's2', type: 'start' },
        { id: 's3', type: 'start' },
      ],
      [],
    );
    const problems = only(validateFlow(flow, catalog), 'several-starts');
    expect(problems.map((p) => p.nodeId)).toEqual(['s2', 's3']);
    expect(problems[0]?.message).toContain('3 Start nodes');
  });

  it('reports a duplicate node id', () => {
    const flow = flowOf(
      [
        { id: 'start', type: 'start' },
        { id: 'start', type: 'start' },
      ],
      [],
    );
    expect(only(validateFlow(flow, catalog), 'duplicate-id')).toMatchObject([{ nodeId: 'start' }]);
  });

  describe('variables', () => {
    const readFlow = (text: string, extra: N[] = [], variables: Flow['variables'] = []) =>
      flowOf(
        [{ id: 'start', type: 'start' }, ...extra, { id: 'use', type: 'say', data: { label: 'Greeting', text } }],
        [...extra.map((node, i): E => [i === 0 ? 'start' : (extra[i - 1]?.id ?? ''), null, node.id]), [extra.at(-1)?.id ?? 'start', null, 'use']],
        variables,
      );

    it('reports a {{variable}} read but never set', () => {
      const problems = validateFlow(readFlow('Hi {{nickname}}, {{nickname}} again, and {{coupon.code}}'), catalog);
      expect(problems.map((p) => [p.code, p.nodeId])).toEqual([
        ['variable-never-set', 'use'],
        ['variable-never-set', 'use'],
      ]);
      expect(problems[0]?.message).toContain('{{nickname}}');
      expect(problems[0]?.message).toContain('"Greeting"');
      expect(problems[1]?.message).toContain('"coupon"');
    });

    it('reports a variable a node reads by name but nothing sets', () => {
      const flow = flowOf(
        [
          { id: 'start', type: 'start' },
          { id: 'check', type: 'if', data: { variable: 'vip' } },
        ],
        [['start', null, 'check']],
      );
      expect(validateFlow(flow, catalog)).toMatchObject([{ code: 'variable-never-set', nodeId: 'check' }]);
    });

    it('accepts a variable declared in the flow', () => {
      expect(validateFlow(readFlow('Hi {{nickname}}', [], [{ name: 'nickname', default: 'friend' }]), catalog)).toEqual([]);
    });

    it("accepts a variable set by a node's writes", () => {
      const ask: N = { id: 'ask', type: 'ask', data: { text: 'Name?', saveAs: 'nickname' } };
      expect(validateFlow(readFlow('Hi {{nickname}}', [ask]), catalog)).toEqual([]);
      const set: N = { id: 'set', type: 'set', data: { mappings: [{ variable: 'coupon', value: 'X' }] } };
      expect(validateFlow(readFlow('Code {{coupon.code}}', [set]), catalog)).toEqual([]);
    });

    it('accepts system variables such as contact.name', () => {
      expect(validateFlow(readFlow('Hi {{contact.name}} on {{channel.type}} ({{conversation.id}})'), catalog)).toEqual([]);
    });

    it("accepts a node's own local names, but only in that node", () => {
      const card: N = { id: 'card', type: 'card', data: { title: '{{product.title}}' } };
      expect(validateFlow(readFlow('Done', [card]), catalog)).toEqual([]);
      const ask: N = { id: 'ask', type: 'ask', data: { text: 'Pick one of {{options}}' } };
      expect(validateFlow(readFlow('Done', [ask]), catalog)).toEqual([]);
      expect(validateFlow(readFlow('You liked {{product.title}}', [card]), catalog)).toMatchObject([{ code: 'variable-never-set', nodeId: 'use' }]);
    });
  });

  describe('loops that never wait', () => {
    it('reports A → B → A of nodes that never wait', () => {
      const flow = flowOf(
        [
          { id: 'start', type: 'start' },
          { id: 'a', type: 'say', data: { label: 'Ping', text: 'ping' } },
          { id: 'b', type: 'say', data: { label: 'Pong', text: 'pong' } },
        ],
        [
          ['start', null, 'a'],
          ['a', null, 'b'],
          ['b', null, 'a'],
        ],
      );
      const problems = validateFlow(flow, catalog);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ severity: 'error', code: 'loop-without-wait', nodeId: 'a' });
      expect(problems[0]?.message).toContain('"Ping"');
      expect(problems[0]?.message).toContain('"Pong"');
    });

    it('accepts a loop with a node that waits for the customer inside', () => {
      const flow = flowOf(
        [
          { id: 'start', type: 'start' },
          { id: 'a', type: 'say', data: { text: 'ping' } },
          { id: 'ask', type: 'ask', data: { text: 'Again?', buttons: [{ id: 'yes', title: 'Yes' }] } },
          { id: 'bye', type: 'end' },
        ],
        [
          ['start', null, 'a'],
          ['a', null, 'ask'],
          ['ask', 'yes', 'a'],
          ['ask', 'fallback', 'bye'],
        ],
      );
      expect(validateFlow(flow, catalog)).toEqual([]);
    });

    it("follows a node's own waiting switch, default included", () => {
      const loop = (data: Record<string, unknown>) =>
        flowOf(
          [
            { id: 'start', type: 'start' },
            { id: 'a', type: 'say', data: { text: 'a' } },
            { id: 'w', type: 'maybeWait', data },
          ],
          [
            ['start', null, 'a'],
            ['a', null, 'w'],
            ['w', null, 'a'],
          ],
        );
      expect(validateFlow(loop({ waitForReply: true }), catalog)).toEqual([]);
      expect(validateFlow(loop({}), catalog)).toEqual([]);
      expect(codes(validateFlow(loop({ waitForReply: false }), catalog))).toEqual(['loop-without-wait']);
    });

    it('reports a node connected to itself', () => {
      const flow = flowOf(
        [
          { id: 'start', type: 'start' },
          { id: 'a', type: 'say', data: { text: 'again' } },
        ],
        [
          ['start', null, 'a'],
          ['a', null, 'a'],
        ],
      );
      expect(validateFlow(flow, catalog)).toMatchObject([{ code: 'loop-without-wait', nodeId: 'a' }]);
    });

    it('reports a loop closed by a go-to link', () => {
      const flow = flowOf(
        [
          { id: 'start', type: 'start' },
          { id: 'a', type: 'say', data: { text: 'again' } },
          { id: 'jump', type: 'goto', data: { target: 'a' } },
        ],
        [
          ['start', null, 'a'],
          ['a', null, 'jump'],
        ],
      );
      const problems = validateFlow(flow, catalog);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.code).toBe('loop-without-wait');
      expect(problems[0]?.message).toContain('Go to (jump)');
    });

    it('reports a go-to node that jumps to itself', () => {
      const flow = flowOf(
        [
          { id: 'start', type: 'start' },
          { id: 'jump', type: 'goto', data: { target: 'jump' } },
        ],
        [['start', null, 'jump']],
      );
      expect(validateFlow(flow, catalog)).toMatchObject([{ code: 'loop-without-wait', nodeId: 'jump' }]);
    });

    it('reports two separate loops separately', () => {
      const flow = flowOf(
        [
          { id: 'start', type: 'start' },
          { id: 'a', type: 'say', data: { text: 'a' } },
          { id: 'b', type: 'say', data: { text: 'b' } },
          { id: 'c', type: 'if', data: { variable: 'contact.vip' } },
          { id: 'd', type: 'say', data: { text: 'd' } },
        ],
        [
          ['start', null, 'a'],
          ['a', null, 'b'],
          ['b', null, 'a'],
          ['start', null, 'c'],
          ['c', 'yes', 'd'],
          ['d', null, 'c'],
        ],
      );
      const loops = only(validateFlow(flow, catalog), 'loop-without-wait');
      expect(loops.map((p) => p.nodeId).sort()).toEqual(['a', 'c']);
    });
  });
});

describe('hasErrors', () => {
  it('is true only when some problem is an error', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([{ severity: 'warning', code: 'unreachable-node', message: 'w' }])).toBe(false);
    expect(
      hasErrors([
        { severity: 'warning', code: 'unreachable-node', message: 'w' },
        { severity: 'error', code: 'no-start', message: 'e' },
      ]),
    ).toBe(true);
  });
});
