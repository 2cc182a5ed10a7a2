import type { Context } from 'hono';
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { z } from 'zod';
import { publishSchema, publishedSchema, versionDetailSchema, versionViewSchema } from '../bots/schemas';
import { getVersion, listVersions, publishBot, rollback } from '../bots/service';
import { type AuthEnv, actorOf } from '../auth/caller';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { invalidInput } from '../http/validate';

const tag = 'Versions';
const versionParam = z.object({ version: z.coerce.number().int().min(1) });
const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

/**
 * Like `jsonBody`, for bodies that may be left out: no body at all reads as `{}`.
 * (Hono's JSON validator skips non-JSON requests, leaving `{}`; a non-JSON body that is not empty is refused.)
 */
const optionalJsonBody = <S extends z.ZodType>(schema: S) =>
  validator('json', async (value, c: Context) => {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!JSON_MEDIA.test(mediaType) && (await c.req.text()) !== '')
      return errorResponse(c, { status: 415, code: 'unsupported_media_type', message: 'Send the body as JSON with "Content-Type: application/json", or send none.' });
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : errorResponse(c, invalidInput(parsed.error.issues, 'Body'));
  });

/** Publishing and the published history: versions are immutable; rollback republishes an old one as new. */
export function versionRoutes(deps: AppDeps) {
  deps.docs.add(
    {
      method: 'post',
      path: '/api/bots/{id}/publish',
      summary: 'Publish the draft as the next version (the body is optional)',
      tag,
      body: publishSchema,
      responses: {
        200: { description: 'Published and live', schema: publishedSchema },
        404: { description: 'Unknown bot' },
        422: { description: 'flow_has_errors: the problems are in error.details' },
      },
    },
    {
      method: 'get',
      path: '/api/bots/{id}/versions',
      summary: 'Published versions, newest first',
      tag,
      responses: { 200: { description: 'Versions', schema: z.object({ versions: z.array(versionViewSchema) }) }, 404: { description: 'Unknown bot' } },
    },
    {
      method: 'get',
      path: '/api/bots/{id}/versions/{version}',
      summary: 'One version with its flow',
      tag,
      responses: { 200: { description: 'The version', schema: versionDetailSchema }, 404: { description: 'Unknown bot or version' } },
    },
    {
      method: 'post',
      path: '/api/bots/{id}/versions/{version}/rollback',
      summary: "Publish an earlier version's flow again, as a new version, and make it the draft",
      tag,
      responses: {
        200: { description: 'Rolled back', schema: publishedSchema.extend({ revision: z.number().int() }) },
        404: { description: 'Unknown bot or version' },
        422: { description: 'That version no longer passes validation (a node type is gone)' },
      },
    },
  );
  return new Hono<AuthEnv>()
    .post('/:id/publish', optionalJsonBody(publishSchema), (c) => {
      const { note } = c.req.valid('json');
      const published = publishBot(deps, c.req.param('id'), { note, by: actorOf(c.get('caller')) });
      return published.ok ? c.json(published.value) : errorResponse(c, published.error);
    })
    .get('/:id/versions', (c) => {
      const versions = listVersions(deps, c.req.param('id'));
      return versions.ok ? c.json({ versions: versions.value }) : errorResponse(c, versions.error);
    })
    .get('/:id/versions/:version', (c) => {
      const param = versionParam.safeParse({ version: c.req.param('version') });
      if (!param.success) return errorResponse(c, invalidInput(param.error.issues, 'Path'));
      const version = getVersion(deps, c.req.param('id'), param.data.version);
      return version.ok ? c.json(version.value) : errorResponse(c, version.error);
    })
    .post('/:id/versions/:version/rollback', (c) => {
      const param = versionParam.safeParse({ version: c.req.param('version') });
      if (!param.success) return errorResponse(c, invalidInput(param.error.issues, 'Path'));
      const rolledBack = rollback(deps, c.req.param('id'), param.data.version, actorOf(c.get('caller')));
      return rolledBack.ok ? c.json(rolledBack.value) : errorResponse(c, rolledBack.error);
    });
}
