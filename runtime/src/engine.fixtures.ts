/** Node types and helpers shared by the split test files. */
import { type Flow, type NodeCatalog, type NodeType, defineNodeType, end, jsonValueSchema, next, wait } from '@parley/shared';
import { z } from 'zod';
import { type CompiledFlow, compileFlow } from './compile';
import type { TurnEnv } from './engine';
import { testFlow } from './testing';

// Custom node types, written as a developer would: they also prove the public node shape works end to end.
export const startType = defineNodeType({
  type: 'go',
  title: 'Go',
  category: 'Custom',
  description: 'Start here; "restart" starts over.',
  config: z.object({ explode: z.boolean().default(false) }),
  ports: [
    { id: 'next', label: 'Next' },
    { id: 'restart', label: 'Restart' },
  ],
  waitsForCustomer: false,
  isStart: true,
  enter: () => next('next'),
  triggers: (data, text) => {
    if (data.explode) throw new Error('trigger bug');
    return text === 'restart' ? 'restart' : undefined;
  },
});

export const sayType = defineNodeType({
  type: 'say',
  title: 'Say',
  category: 'Custom',
  description: 'Says a text.',
  config: z.object({ text: z.string() }),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: false,
  enter: (data, ctx) => next('next', { replies: [{ type: 'text', text: ctx.render(data.text) }] }),
});

export const setType = defineNodeType({
  type: 'set',
  title: 'Set',
  category: 'Custom',
  description: 'Sets variables; null clears one.',
  config: z.object({ values: z.record(z.string(), jsonValueSchema) }),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: false,
  enter: (data) => next('next', { set: data.values }),
});

/** Reports which variables it sees, so a test can tell what the previous node left. */
export const peekType = defineNodeType({
  type: 'peek',
  title: 'Peek',
  category: 'Custom',
  description: 'Says the names of the variables it sees.',
  config: z.object({}),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: false,
  enter: (_data, ctx) => next('next', { replies: [{ type: 'text', text: Object.keys(ctx.vars).sort().join(',') }] }),
});

export const boomType = defineNodeType({
  type: 'boom',
  title: 'Boom',
  category: 'Custom',
  description: 'A node with a bug.',
  config: z.object({ onResume: z.boolean().default(false) }),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: true,
  enter: (data) => {
    if (data.onResume) return wait({ armed: true });
    throw new Error('kaboom');
  },
  resume: () => {
    throw new TypeError('resume kaboom');
  },
});

/** Waits for any customer message, then goes on; an `effect` id asks the server for work first. */
export const holdType = defineNodeType({
  type: 'hold',
  title: 'Hold',
  category: 'Custom',
  description: 'Waits for the customer.',
  config: z.object({ prompt: z.string().default('Say something') }),
  state: z.object({ effectId: z.string() }),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: true,
  enter: (data, ctx) => {
    const effectId = ctx.newId('fx');
    return wait(
      { effectId },
      { replies: [{ type: 'text', text: data.prompt }], effects: [{ kind: 'timer', id: effectId, at: ctx.now.toISOString() }], events: [{ type: 'hold.waiting', nodeId: ctx.nodeId }] },
    );
  },
  resume: (_data, _ctx, input, state) =>
    next('next', { set: { heard: input.kind === 'text' ? input.text : input.kind, nested: { effect: state?.effectId ?? null, list: [1, 2] } } }),
});

/** Hands the conversation to a person: the bot goes silent until released. */
export const handoffType = defineNodeType({
  type: 'handoff',
  title: 'Hand-off',
  category: 'Custom',
  description: 'A person takes over.',
  config: z.object({}),
  ports: [{ id: 'next', label: 'Back to bot' }],
  waitsForCustomer: true,
  enter: () => wait(null, { silent: true, replies: [{ type: 'handoff', text: 'A person will answer' }] }),
  resume: (_data, _ctx, input) => next('next', { replies: [{ type: 'text', text: `resumed by ${input.kind}` }] }),
});

export const gotoType = defineNodeType({
  type: 'goto',
  title: 'Go to',
  category: 'Custom',
  description: 'Jumps to another node.',
  config: z.object({ target: z.string() }),
  ports: [],
  links: ['target'],
  waitsForCustomer: false,
  enter: (data) => ({ kind: 'jump', nodeId: data.target }),
});

export const stopType = defineNodeType({
  type: 'stop',
  title: 'Stop',
  category: 'Custom',
  description: 'Ends.',
  config: z.object({}),
  ports: [],
  waitsForCustomer: false,
  enter: () => end({ replies: [{ type: 'text', text: 'bye' }] }),
});

export const types: NodeType[] = [startType, sayType, setType, peekType, boomType, holdType, handoffType, gotoType, stopType];
export const catalog: NodeCatalog = new Map(types.map((type) => [type.type, type]));

export const NOW = new Date('2026-03-02T10:00:00Z');
export const env: TurnEnv = { now: NOW };

export function withSettings(flow: Flow, settings: Partial<Flow['settings']>): Flow {
  return { ...flow, settings: { ...flow.settings, ...settings } };
}

export function compiled(flow: Flow): CompiledFlow {
  const result = compileFlow(flow, catalog);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.flow;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

export const pingPong = testFlow(
  [
    { id: 'start', type: 'go' },
    { id: 'a', type: 'say', data: { text: 'ping' } },
    { id: 'b', type: 'say', data: { text: 'pong' } },
  ],
  [
    ['start', null, 'a'],
    ['a', null, 'b'],
    ['b', null, 'a'],
  ],
);
