import { FLOW_SCHEMA_VERSION, type Flow, defineNodeType, describeNodeType, end, next, wait } from '@parley/shared';
import { z } from 'zod';
import { buildCatalog } from '../flow/catalog';

/**
 * Node types for the editor's tests, made with the real contract (`defineNodeType` →
 * `describeNodeType`, as `GET /api/node-types` serves them), so forms and ports are read from real
 * JSON Schemas.
 */
const start = defineNodeType({
  type: 'start',
  title: 'Start',
  category: 'Messages',
  description: 'Where conversations begin.',
  config: z.object({ label: z.string().optional().meta({ label: 'Label' }) }),
  ports: [{ id: 'next', label: 'Start' }],
  waitsForCustomer: false,
  isStart: true,
  enter: () => next('next'),
});

const message = defineNodeType({
  type: 'message',
  title: 'Message',
  category: 'Messages',
  description: 'Sends a message.',
  config: z.object({
    label: z.string().optional().meta({ label: 'Label' }),
    text: z.string().min(1).meta({ label: 'Text', widget: 'template' }),
    typingMs: z.number().int().min(0).max(10_000).default(0).meta({ label: 'Typing pause (ms)', widget: 'number' }),
  }),
  ports: [{ id: 'next', label: 'Next' }],
  waitsForCustomer: false,
  enter: () => next('next'),
});

const buttons = defineNodeType({
  type: 'buttons',
  title: 'Buttons',
  category: 'Questions',
  description: 'Asks with buttons.',
  config: z.object({
    label: z.string().optional().meta({ label: 'Label' }),
    text: z.string().min(1).meta({ label: 'Question', widget: 'template' }),
    buttons: z
      .array(z.object({ id: z.string().min(1).meta({ label: 'Output id' }), title: z.string().min(1).meta({ label: 'Title', widget: 'template' }) }))
      .min(1)
      .meta({ label: 'Buttons', widget: 'list' }),
    saveAs: z.string().optional().meta({ label: 'Save the choice in', widget: 'variable' }),
    repeat: z.boolean().default(true).meta({ label: 'Repeat the buttons', widget: 'checkbox' }),
    mode: z.enum(['strict', 'loose']).default('strict').meta({ label: 'Matching', widget: 'select' }),
  }),
  ports: [
    { forEach: 'buttons', idKey: 'id', labelKey: 'title' },
    { id: 'fallback', label: 'Fallback' },
  ],
  variables: { writes: ['saveAs'] },
  waitsForCustomer: true,
  enter: () => wait(null),
});

const jump = defineNodeType({
  type: 'jump',
  title: 'Go to',
  category: 'Logic',
  description: 'Continues elsewhere.',
  config: z.object({
    target: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('node').meta({ label: 'Go to' }), nodeId: z.string().min(1).meta({ label: 'Step', widget: 'node' }) }),
        z.object({ kind: z.literal('flow').meta({ label: 'Go to' }), flowId: z.string().min(1).meta({ label: 'Bot', widget: 'flow' }) }),
      ])
      .meta({ label: 'Where to go' }),
    headers: z.record(z.string(), z.string()).default({}).meta({ label: 'Headers', widget: 'json' }),
  }),
  ports: [],
  links: ['target.nodeId'],
  waitsForCustomer: false,
  enter: () => end(),
});

export const testNodeTypes = [start, message, buttons, jump].map((type) => ({ ...describeNodeType(type), custom: false }));
export const testCatalog = buildCatalog(testNodeTypes);

export function testFlow(partial: Partial<Flow> = {}): Flow {
  return {
    schemaVersion: FLOW_SCHEMA_VERSION,
    id: 'shop',
    name: 'Shop',
    settings: { locale: 'en', maxStepsPerTurn: 200, timezone: 'UTC' },
    variables: [],
    faq: [],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'ask', type: 'buttons', position: { x: 300, y: 0 }, data: { text: 'Skin?', buttons: [{ id: 'dry', title: 'Dry' }, { id: 'oily', title: 'Oily' }] } },
      { id: 'thanks', type: 'message', position: { x: 600, y: 0 }, data: { text: 'Thanks' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'dry', target: 'thanks' },
    ],
    ...partial,
  };
}
