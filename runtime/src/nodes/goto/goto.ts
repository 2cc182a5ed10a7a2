import { type NodeStep, defineNodeType } from '@parley/shared';
import { z } from 'zod';

const nodeTarget = z.object({
  kind: z.literal('node').meta({ label: 'Go to', widget: 'select' }),
  nodeId: z
    .string({ error: 'pick the step to go to' })
    .min(1, 'pick the step to go to')
    .meta({ label: 'Step', widget: 'node', help: 'Any step of this bot, e.g. back to the main menu.' }),
});

/**
 * The node id of another bot lives in `flowNodeId`, not `nodeId`: `links` reads `target.nodeId`
 * and must only ever see ids of this flow.
 */
const flowTarget = z.object({
  kind: z.literal('flow').meta({ label: 'Go to', widget: 'select' }),
  flowId: z
    .string({ error: 'name the bot to continue in' })
    .min(1, 'name the bot to continue in')
    .meta({ label: 'Bot', widget: 'flow', help: 'The id of the other bot; the conversation continues there with its variables.' }),
  flowNodeId: z
    .string()
    .min(1)
    .optional()
    .meta({ label: 'Step in that bot', widget: 'text', help: 'Leave empty to start at its Start step.' }),
});

const config = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  target: z
    .discriminatedUnion('kind', [nodeTarget, flowTarget], { error: 'choose where to go: a step of this bot or another bot' })
    .meta({ label: 'Where to go' }),
});

function step(target: z.output<typeof config>['target']): NodeStep {
  if (target.kind === 'node') return { kind: 'jump', nodeId: target.nodeId };
  return target.flowNodeId === undefined ? { kind: 'switchFlow', flowId: target.flowId } : { kind: 'switchFlow', flowId: target.flowId, nodeId: target.flowNodeId };
}

/** Jumps to another step of this bot without drawing a line, or continues in another bot. */
export const gotoNode = defineNodeType({
  type: 'goto',
  title: 'Go to',
  category: 'Logic',
  description: 'Continues at another step of this bot, or in another bot.',
  icon: 'corner-down-right',
  config,
  ports: [],
  links: ['target.nodeId'],
  waitsForCustomer: false,
  enter: (data) => step(data.target),
});
