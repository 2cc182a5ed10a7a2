import { cannedResponseInputSchema, cannedResponseSchema } from '@parley/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { jsonBody } from '../http/validate';
import { createCanned, deleteCanned, listCanned, updateCanned } from '../teams/canned';

/** Canned responses agents insert with "/shortcut". Agents read; editors manage. */
export function cannedResponseRoutes(deps: AppDeps) {
  const tag = 'Inbox';
  const { db } = deps.store;
  deps.docs.add(
    { method: 'get', path: '/api/canned-responses', summary: 'Canned responses, by shortcut', tag, responses: { 200: { description: 'Canned responses', schema: z.object({ cannedResponses: z.array(cannedResponseSchema) }) } } },
    {
      method: 'post',
      path: '/api/canned-responses',
      summary: 'Add a canned response',
      tag,
      body: cannedResponseInputSchema,
      responses: { 201: { description: 'Created', schema: z.object({ cannedResponse: cannedResponseSchema }) }, 400: { description: 'A field is wrong (named)' }, 409: { description: 'shortcut_taken' } },
    },
    {
      method: 'put',
      path: '/api/canned-responses/{id}',
      summary: 'Replace a canned response',
      tag,
      body: cannedResponseInputSchema,
      responses: { 200: { description: 'Updated', schema: z.object({ cannedResponse: cannedResponseSchema }) }, 404: { description: 'Unknown canned response' }, 409: { description: 'shortcut_taken' } },
    },
    { method: 'delete', path: '/api/canned-responses/{id}', summary: 'Remove a canned response', tag, responses: { 200: { description: 'Removed' }, 404: { description: 'Unknown canned response' } } },
  );
  return new Hono()
    .get('/', (c) => c.json({ cannedResponses: listCanned(db) }))
    .post('/', jsonBody(cannedResponseInputSchema), (c) => {
      const created = createCanned(db, c.req.valid('json'), deps.now());
      return created.ok ? c.json({ cannedResponse: created.value }, 201) : errorResponse(c, created.error);
    })
    .put('/:id', jsonBody(cannedResponseInputSchema), (c) => {
      const updated = updateCanned(db, c.req.param('id'), c.req.valid('json'));
      return updated.ok ? c.json({ cannedResponse: updated.value }) : errorResponse(c, updated.error);
    })
    .delete('/:id', (c) => {
      const deleted = deleteCanned(db, c.req.param('id'));
      return deleted.ok ? c.json(deleted.value) : errorResponse(c, deleted.error);
    });
}
