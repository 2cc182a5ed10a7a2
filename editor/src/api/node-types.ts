import { z } from 'zod';
import { request } from './http';

/** A node type as `GET /api/node-types` describes it: plain data, so custom types need no editor code. */
const portSpecSchema = z.union([
  z.object({ id: z.string(), label: z.string(), required: z.boolean().optional() }),
  z.object({ forEach: z.string(), idKey: z.string(), labelKey: z.string(), required: z.boolean().optional() }),
]);

const variableSpecSchema = z.object({
  writes: z.array(z.string()).optional(),
  reads: z.array(z.string()).optional(),
  fixedWrites: z.array(z.string()).optional(),
  suffixedWrites: z.array(z.object({ path: z.string(), suffix: z.string() })).optional(),
  local: z.array(z.string()).optional(),
});

export const nodeTypeInfoSchema = z.object({
  type: z.string(),
  title: z.string(),
  category: z.string(),
  description: z.string(),
  icon: z.string().nullish(),
  ports: z.array(portSpecSchema),
  variables: variableSpecSchema,
  links: z.array(z.string()),
  waitsForCustomer: z.union([z.boolean(), z.object({ when: z.string() })]),
  isStart: z.boolean(),
  configSchema: z.record(z.string(), z.unknown()),
});
export type NodeTypeInfo = z.infer<typeof nodeTypeInfoSchema> & { custom: boolean };

export async function loadNodeTypes() {
  const answer = await request('GET', '/api/node-types', z.object({ builtIn: z.array(nodeTypeInfoSchema), custom: z.array(nodeTypeInfoSchema) }));
  if (!answer.ok) return answer;
  const types: NodeTypeInfo[] = [...answer.value.builtIn.map((t) => ({ ...t, custom: false })), ...answer.value.custom.map((t) => ({ ...t, custom: true }))];
  return { ok: true as const, value: types };
}

export const loadFlowJsonSchema = () => request('GET', '/api/flow-schema.json', z.record(z.string(), z.unknown()));
