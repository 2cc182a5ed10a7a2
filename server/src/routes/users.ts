import { Hono } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from '../auth/caller';
import { hashPassword } from '../auth/passwords';
import { createUserSchema, updateUserSchema, userListItemSchema } from '../auth/schemas';
import { endSessionsOf } from '../auth/sessions';
import { type UserChanges, createUser, deleteUser, listUsers, updateUser } from '../auth/users';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { jsonBody } from '../http/validate';

const tag = 'Users';

/** Accounts and their roles (behind `withRole('admin')`). */
export function userRoutes(deps: AppDeps) {
  deps.docs.add(
    { method: 'get', path: '/api/users', summary: 'Every user, oldest first', tag, responses: { 200: { description: 'Users', schema: z.object({ users: z.array(userListItemSchema) }) } } },
    {
      method: 'post',
      path: '/api/users',
      summary: 'Add a user with a role and a first password',
      tag,
      body: createUserSchema,
      responses: { 201: { description: 'Created', schema: userListItemSchema }, 409: { description: 'user_exists: the email has an account' } },
    },
    {
      method: 'patch',
      path: '/api/users/{id}',
      summary: "Rename a user, change their role, or set their password (which signs them out everywhere)",
      tag,
      body: updateUserSchema,
      responses: {
        200: { description: 'The user', schema: userListItemSchema },
        404: { description: 'Unknown user' },
        409: { description: 'last_admin: the last admin cannot be demoted' },
      },
    },
    {
      method: 'delete',
      path: '/api/users/{id}',
      summary: 'Delete a user with their sessions and personal tokens',
      tag,
      responses: {
        200: { description: 'Deleted', schema: z.object({ deleted: z.string() }) },
        404: { description: 'Unknown user' },
        409: { description: 'last_admin: the last admin cannot be deleted' },
      },
    },
  );
  return new Hono<AuthEnv>()
    .get('/', (c) => c.json({ users: listUsers(deps) }))
    .post('/', jsonBody(createUserSchema), async (c) => {
      const { password, ...input } = c.req.valid('json');
      const created = createUser(deps, { ...input, passwordHash: await hashPassword(password) });
      return created.ok ? c.json(created.value, 201) : errorResponse(c, created.error);
    })
    .patch('/:id', jsonBody(updateUserSchema), async (c) => {
      const { password, ...rest } = c.req.valid('json');
      const changes: UserChanges = { ...rest, ...(password === undefined ? {} : { passwordHash: await hashPassword(password) }) };
      const updated = updateUser(deps, c.req.param('id'), changes);
      if (!updated.ok) return errorResponse(c, updated.error);
      // A password set by an admin replaces one that may be known to someone else: every session ends.
      if (password !== undefined) endSessionsOf(deps, updated.value.id);
      return c.json(updated.value);
    })
    .delete('/:id', (c) => {
      const deleted = deleteUser(deps, c.req.param('id'));
      return deleted.ok ? c.json(deleted.value) : errorResponse(c, deleted.error);
    });
}
