/** Node types and helpers shared by the split test files. */
import { z } from 'zod';
import { type Flow, FLOW_SCHEMA_VERSION, flowSchema } from './flow';
import { type NodeType, defineNodeType, end, next, wait } from './node-type';
import type { FlowProblem, NodeCatalog } from './validate';

// Small node types of our own: shared must not depend on the runtime's built-in catalog.
export const label = z.string().optional();

export const startType = defineNodeType({
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

export const sayType = defineNodeType({
  type: 'say',
  title: 'Say',
  category: 'Messages',
  description: 'Sends a text.',
  config: z.object({ label, text: z.string().min(1) }),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: false,
  enter: (data, ctx) => next('next', { replies: [{ type: 'text', text: ctx.render(data.text) }] }),
});

export const askType = defineNodeType({
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

export const callType = defineNodeType({
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

export const gotoType = defineNodeType({
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

export const setType = defineNodeType({
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

export const ifType = defineNodeType({
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

export const cardType = defineNodeType({
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

export const endType = defineNodeType({
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
export const maybeWaitType = defineNodeType({
  type: 'maybeWait',
  title: 'Maybe wait',
  category: 'Questions',
  description: 'Sends a text and maybe waits for a reply.',
  config: z.object({ label, waitForReply: z.boolean().default(true) }),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: { when: 'waitForReply' },
  enter: (data) => (data.waitForReply ? wait(null) : next('next')),
});

export const types: NodeType[] = [startType, sayType, askType, callType, gotoType, setType, ifType, cardType, endType, maybeWaitType];
export const catalog: NodeCatalog = new Map(types.map((type) => [type.type, type]));

export type N = { id: string; type: string; data?: Record<string, unknown> };
export type E = [source: string, handle: string | null, target: string];

export function flowOf(nodes: N[], edges: E[], variables: Flow['variables'] = []): Flow {
  return flowSchema.parse({
    schemaVersion: FLOW_SCHEMA_VERSION,
    id: 'f',
    name: 'Flow',
    variables,
    nodes: nodes.map((node, i) => ({ id: node.id, type: node.type, position: { x: i * 100, y: 0 }, data: node.data ?? {} })),
    edges: edges.map(([source, sourceHandle, target], i) => ({ id: `e${i}`, source, sourceHandle, target })),
  });
}

export const codes = (problems: FlowProblem[]) => problems.map((problem) => problem.code).sort();
export const only = (problems: FlowProblem[], code: FlowProblem['code']) => problems.filter((problem) => problem.code === code);
