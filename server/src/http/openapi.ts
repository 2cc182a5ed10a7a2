import { z } from 'zod';
import type { Access } from '../auth/roles';

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
  /** Public routes (webhooks, health, signing in) need no credentials. */
  public?: boolean;
}

export interface ApiDocs {
  add(...routes: RouteDoc[]): void;
  /** `access`: what each route needs, keyed like `GET /api/bots/:id` (see `accessByRoute`). */
  document(access?: ReadonlyMap<string, Access>): Record<string, unknown>;
}

const toSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' });

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.unknown().optional() }),
});

const accessText: Record<Access, string> = {
  admin: 'Needs the admin role.',
  editor: 'Needs the editor role (or admin).',
  agent: 'Needs the agent role (or editor, or admin).',
  user: 'Needs a signed-in user of any role (a session or a personal token; not the admin token).',
};

export function createApiDocs(info: { title: string; version: string }): ApiDocs {
  const routes: RouteDoc[] = [];
  return {
    add: (...more) => routes.push(...more),
    document(access = new Map<string, Access>()) {
      const paths: Record<string, Record<string, unknown>> = {};
      for (const route of routes) {
        const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
        if (route.query)
          for (const [name, schema] of Object.entries(route.query.shape))
            parameters.push({ name, in: 'query', required: false, schema: toSchema(schema) as { type: string } });
        const responses: Record<string, unknown> = {};
        for (const [status, response] of Object.entries(route.responses))
          responses[status] = { description: response.description, ...(response.schema ? { content: { 'application/json': { schema: toSchema(response.schema) } } } : {}) };
        const error = (description: string) => ({ description, content: { 'application/json': { schema: toSchema(errorBodySchema) } } });
        responses['400'] ??= error('Invalid input: the error names the field.');
        const needs = access.get(`${route.method.toUpperCase()} ${route.path.replace(/\{(\w+)\}/g, ':$1')}`);
        if (needs) {
          responses['401'] ??= error('unauthorized: no credentials, a wrong token, or an ended session');
          responses['403'] ??= error('forbidden (role too low), csrf_token_invalid, or not_a_user');
        }
        const item = paths[route.path] ?? {};
        paths[route.path] = item;
        item[route.method] = {
          summary: route.summary,
          ...(needs ? { description: accessText[needs], 'x-parley-access': needs } : {}),
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
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer', description: 'The admin token, or a personal token (prl_pat_…) acting with its user’s role.' },
            session: { type: 'apiKey', in: 'cookie', name: 'parley_session', description: 'The session cookie set by signing in; unsafe methods also need X-CSRF-Token.' },
          },
        },
        security: [{ bearer: [] }, { session: [] }],
        paths,
      };
    },
  };
}
