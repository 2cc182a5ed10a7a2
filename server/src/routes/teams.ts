import { teamInputSchema, teamSchema } from '@parley/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { jsonBody } from '../http/validate';
import { autoAssignTeam } from '../inbox/assign';
import { createTeam, deleteTeam, listTeams, updateTeam } from '../teams/teams';

/** Teams: the queues hand-offs name, with hours, promises and members. Agents read; editors manage. */
export function teamRoutes(deps: AppDeps) {
  const tag = 'Inbox';
  const { db } = deps.store;
  deps.docs.add(
    { method: 'get', path: '/api/teams', summary: 'Teams (queues), by name', tag, responses: { 200: { description: 'Teams', schema: z.object({ teams: z.array(teamSchema) }) } } },
    {
      method: 'post',
      path: '/api/teams',
      summary: 'Add a team; its key is the queue hand-off nodes name',
      tag,
      body: teamInputSchema,
      responses: { 201: { description: 'Created', schema: z.object({ team: teamSchema }) }, 400: { description: 'A field is wrong (named)' }, 409: { description: 'team_key_taken' } },
    },
    {
      method: 'put',
      path: '/api/teams/{id}',
      summary: "Replace a team's settings",
      tag,
      body: teamInputSchema,
      responses: { 200: { description: 'Updated', schema: z.object({ team: teamSchema }) }, 400: { description: 'A field is wrong (named)' }, 404: { description: 'Unknown team' }, 409: { description: 'team_key_taken' } },
    },
    { method: 'delete', path: '/api/teams/{id}', summary: 'Remove a team (its hand-offs stay queued under its key)', tag, responses: { 200: { description: 'Removed' }, 404: { description: 'Unknown team' } } },
  );
  return new Hono()
    .get('/', (c) => c.json({ teams: listTeams(db) }))
    .post('/', jsonBody(teamInputSchema), (c) => {
      const created = createTeam(db, c.req.valid('json'), deps.now());
      if (!created.ok) return errorResponse(c, created.error);
      autoAssignTeam(deps.store, created.value.key, deps.now());
      return c.json({ team: created.value }, 201);
    })
    .put('/:id', jsonBody(teamInputSchema), (c) => {
      const updated = updateTeam(db, c.req.param('id'), c.req.valid('json'), deps.now());
      if (!updated.ok) return errorResponse(c, updated.error);
      // New members or a higher limit may take waiting conversations now.
      autoAssignTeam(deps.store, updated.value.key, deps.now());
      return c.json({ team: updated.value });
    })
    .delete('/:id', (c) => {
      const deleted = deleteTeam(db, c.req.param('id'));
      return deleted.ok ? c.json(deleted.value) : errorResponse(c, deleted.error);
    });
}

