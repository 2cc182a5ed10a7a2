import { Hono } from 'hono';
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens';
import type { AuthEnv } from '../auth/caller';
import { createTokenSchema, createdTokenSchema, tokenViewSchema } from '../auth/schemas';
import { signedInUser } from '../auth/signed-in-user';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { jsonBody } from '../http/validate';

const tag = 'Auth';

/** The signed-in user's personal API tokens (behind `withRole('user')`): each acts with that user's role. */
export function tokenRoutes(deps: AppDeps) {
  deps.docs.add(
    {
      method: 'get',
      path: '/api/me/tokens',
      summary: 'My personal API tokens (never their secrets)',
      tag,
      responses: { 200: { description: 'Tokens, oldest first', schema: z.object({ tokens: z.array(tokenViewSchema) }) } },
    },
    {
      method: 'post',
      path: '/api/me/tokens',
      summary: 'Create a personal API token; its secret is in this answer only',
      tag,
      body: createTokenSchema,
      responses: { 201: { description: 'Created', schema: createdTokenSchema } },
    },
    {
      method: 'delete',
      path: '/api/me/tokens/{id}',
      summary: 'Revoke one of my tokens',
      tag,
      responses: { 200: { description: 'Revoked', schema: z.object({ deleted: z.string() }) }, 404: { description: 'No such token of mine' } },
    },
  );
  return new Hono<AuthEnv>()
    .get('/', (c) => {
      const me = signedInUser(c);
      return me.ok ? c.json({ tokens: listApiTokens(deps, me.value.id) }) : errorResponse(c, me.error);
    })
    .post('/', jsonBody(createTokenSchema), (c) => {
      const me = signedInUser(c);
      return me.ok ? c.json(createApiToken(deps, me.value.id, c.req.valid('json').name), 201) : errorResponse(c, me.error);
    })
    .delete('/:id', (c) => {
      const me = signedInUser(c);
      if (!me.ok) return errorResponse(c, me.error);
      const revoked = revokeApiToken(deps, me.value.id, c.req.param('id'));
      return revoked.ok ? c.json(revoked.value) : errorResponse(c, revoked.error);
    });
}
