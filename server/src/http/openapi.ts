import { z } from 'zod';

/**
 * The OpenAPI document is built from the very zod schemas the routes validate with:
 * each route module registers its routes beside their definitions.
 */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: `/api/bots/{id}`. */
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** Public routes (webhooks, health) need no bearer token. */
  public?: boolean;
}

export interface ApiDocs {
  add(...routes: RouteDoc[]): void;
  document(): Record<string, unknown>;
}

const toSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' });

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.unknown().optional() }),
});

export function createApiDocs(info: { title: string; version: string }): ApiDocs {
  const routes: RouteDoc[] = [];
  return {
    add: (...more) => routes.push(...more),
    document() {
      const paths: Record<string, Record<string, unknown>> = {};
      for (const route of routes) {
        const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
        if (route.query)
          for (const [name, schema] of Object.entries(route.query.shape))
            parameters.push({ name, in: 'query', required: false, schema: toSchema(schema) as { type: string } });
        const responses: Record<string, unknown> = {};
        for (const [status, response] of Object.entries(route.responses))
          responses[status] = { description: response.description, ...(response.schema ? { content: { 'application/json': { schema: toSchema(response.schema) } } } : {}) };
        responses['400'] ??= { description: 'Invalid input: the error names the field.', content: { 'application/json': { schema: toSchema(errorBodySchema) } } };
        const item = paths[route.path] ?? {};
        paths[route.path] = item;
        item[route.method] = {
          summary: route.summary,
          tags: [route.tag],
          parameters,
          ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body) } } } } : {}),
          responses,
          ...(route.public ? { security: [] } : {}),
        };
      }
      return {
        openapi: '3.0.3',
        info,
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
        security: [{ bearer: [] }],
        paths,
      };
    },
  };
}
