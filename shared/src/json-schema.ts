import { z } from 'zod';
import { flowNodeSchema, flowSchema } from './flow';
import type { NodeType } from './node-type';

/**
 * JSON Schema of the whole flow format, with each node type's config (and its form hints) in place
 * of the generic `data`: the editor's JSON view and the docs read it.
 */
export function flowJsonSchema(nodeTypes: readonly NodeType[]): Record<string, unknown> {
  const variants = nodeTypes.map((type) =>
    flowNodeSchema.extend({ type: z.literal(type.type), data: type.config }).meta({ title: type.title, description: type.description }),
  );
  const [first, second, ...rest] = variants;
  const node = first && second ? z.discriminatedUnion('type', [first, second, ...rest]) : (first ?? flowNodeSchema);
  const schema = flowSchema.extend({ nodes: z.array(node) }).meta({ title: 'Parley flow', description: 'A bot conversation drawn as a graph.' });
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

/** One node type as the editor needs it: JSON-only, so custom nodes need no editor build. */
export function describeNodeType(type: NodeType) {
  return {
    type: type.type,
    title: type.title,
    category: type.category,
    description: type.description,
    icon: type.icon,
    ports: type.ports,
    variables: type.variables,
    links: type.links,
    waitsForCustomer: type.waitsForCustomer,
    isStart: type.isStart,
    configSchema: z.toJSONSchema(type.config, { io: 'input', unrepresentable: 'any' }),
  };
}
export type NodeTypeDescription = ReturnType<typeof describeNodeType>;
