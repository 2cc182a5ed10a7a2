import { Hono } from 'hono';
import { z } from 'zod';
import { draftViewSchema, flowInputSchema, saveDraftSchema, savedDraftSchema } from '../bots/schemas';
import { getDraft, getVersion, importDraft, saveDraft } from '../bots/service';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { jsonBody, queryParams } from '../http/validate';

const tag = 'Flows';
const exportQuery = z.object({ version: z.coerce.number().int().min(1).optional().meta({ description: 'A published version; the draft when absent.' }) });

/** A bot's draft flow: what the editor loads and saves, and flow files in and out. */
export function flowRoutes(deps: AppDeps) {
  deps.docs.add(
    {
      method: 'get',
      path: '/api/bots/{id}/flow',
      summary: "The bot's draft flow, its revision and its problems",
      tag,
      responses: { 200: { description: 'The draft', schema: draftViewSchema }, 404: { description: 'Unknown bot' } },
    },
    {
      method: 'put',
      path: '/api/bots/{id}/flow',
      summary: 'Save the draft (problems allowed); with `revision`, only if nobody saved since',
      tag,
      body: saveDraftSchema,
      responses: {
        200: { description: 'Saved: the new revision and the problems left', schema: savedDraftSchema },
        404: { description: 'Unknown bot' },
        409: { description: 'edited_elsewhere: someone saved a newer revision' },
      },
    },
    {
      method: 'get',
      path: '/api/bots/{id}/export',
      summary: 'Download the draft (or a version) as a .parley.json file',
      tag,
      query: exportQuery,
      responses: { 200: { description: 'The flow file' }, 404: { description: 'Unknown bot or version' } },
    },
    {
      method: 'post',
      path: '/api/bots/{id}/import',
      summary: 'Replace the draft with a flow file of any format version',
      tag,
      body: flowInputSchema,
      responses: { 200: { description: 'Imported as the new draft', schema: savedDraftSchema }, 404: { description: 'Unknown bot' } },
    },
  );
  return new Hono()
    .get('/:id/flow', (c) => {
      const draft = getDraft(deps, c.req.param('id'));
      return draft.ok ? c.json(draft.value) : errorResponse(c, draft.error);
    })
    .put('/:id/flow', jsonBody(saveDraftSchema), (c) => {
      const { flow, revision } = c.req.valid('json');
      const saved = saveDraft(deps, c.req.param('id'), flow, revision);
      return saved.ok ? c.json(saved.value) : errorResponse(c, saved.error);
    })
    .get('/:id/export', queryParams(exportQuery), (c) => {
      const id = c.req.param('id');
      const { version } = c.req.valid('query');
      const found = version === undefined ? getDraft(deps, id) : getVersion(deps, id, version);
      if (!found.ok) return errorResponse(c, found.error);
      c.header('Content-Disposition', `attachment; filename="${id}.parley.json"`);
      return c.json(found.value.flow);
    })
    .post('/:id/import', jsonBody(flowInputSchema), (c) => {
      const saved = importDraft(deps, c.req.param('id'), c.req.valid('json'));
      return saved.ok ? c.json(saved.value) : errorResponse(c, saved.error);
    });
}
