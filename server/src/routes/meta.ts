import { builtInNodeTypes } from '@parley/runtime';
import { describeNodeType, flowJsonSchema, validateFlow } from '@parley/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { looseFlow } from '../bots/flow-input';
import { problemSchema, validateSchema } from '../bots/schemas';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { jsonBody } from '../http/validate';

const tag = 'Flows';

/** What the editor needs to draw and check flows: node types, the flow JSON Schema, validation. */
export function metaRoutes(deps: AppDeps) {
  const builtIn = new Set(builtInNodeTypes.map((type) => type.type));
  deps.docs.add(
    { method: 'get', path: '/api/node-types', summary: 'Every node type this server runs, built-in and custom, with config JSON Schemas', tag, responses: { 200: { description: '{ builtIn, custom }' } } },
    { method: 'get', path: '/api/flow-schema.json', summary: 'JSON Schema of the flow format, with each node type’s config', tag, responses: { 200: { description: 'JSON Schema' } } },
    {
      method: 'post',
      path: '/api/validate',
      summary: 'Check a flow without saving it',
      tag,
      body: validateSchema,
      responses: { 200: { description: 'Problems (none when the flow can be published)', schema: z.object({ problems: z.array(problemSchema) }) } },
    },
  );
  return new Hono()
    .get('/node-types', (c) => {
      const types = [...deps.catalog.values()];
      return c.json({
        builtIn: types.filter((type) => builtIn.has(type.type)).map(describeNodeType),
        custom: types.filter((type) => !builtIn.has(type.type)).map(describeNodeType),
      });
    })
    .get('/flow-schema.json', (c) => c.json(flowJsonSchema([...deps.catalog.values()])))
    .post('/validate', jsonBody(validateSchema), (c) => {
      const flow = looseFlow(c.req.valid('json').flow, 'flow');
      return flow.ok ? c.json({ problems: validateFlow(flow.value, deps.catalog) }) : errorResponse(c, flow.error);
    });
}
