import { Hono } from 'hono';
import { z } from 'zod';
import { createBotSchema, botViewSchema, updateBotSchema } from '../bots/schemas';
import { createBot, deleteBot, getBot, listBots, updateBot } from '../bots/service';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { jsonBody } from '../http/validate';

const tag = 'Bots';

/** Bots themselves: list, create, rename, delete. */
export function botRoutes(deps: AppDeps) {
  deps.docs.add(
    { method: 'get', path: '/api/bots', summary: 'Every bot', tag, responses: { 200: { description: 'The bots, oldest first', schema: z.object({ bots: z.array(botViewSchema) }) } } },
    {
      method: 'post',
      path: '/api/bots',
      summary: 'Create a bot, with a blank flow or the one given',
      tag,
      body: createBotSchema,
      responses: { 201: { description: 'Created', schema: botViewSchema }, 409: { description: 'The id is taken' } },
    },
    { method: 'get', path: '/api/bots/{id}', summary: 'One bot', tag, responses: { 200: { description: 'The bot', schema: botViewSchema }, 404: { description: 'Unknown bot' } } },
    {
      method: 'patch',
      path: '/api/bots/{id}',
      summary: "Rename a bot or change its description",
      tag,
      body: updateBotSchema,
      responses: { 200: { description: 'The bot', schema: botViewSchema }, 404: { description: 'Unknown bot' } },
    },
    {
      method: 'delete',
      path: '/api/bots/{id}',
      summary: 'Delete a bot with its versions, catalog, conversations and payments',
      tag,
      responses: { 200: { description: 'Deleted', schema: z.object({ deleted: z.string() }) }, 404: { description: 'Unknown bot' } },
    },
  );
  return new Hono()
    .get('/', (c) => c.json({ bots: listBots(deps) }))
    .post('/', jsonBody(createBotSchema), (c) => {
      const created = createBot(deps, c.req.valid('json'));
      return created.ok ? c.json(created.value, 201) : errorResponse(c, created.error);
    })
    .get('/:id', (c) => {
      const bot = getBot(deps, c.req.param('id'));
      return bot.ok ? c.json(bot.value) : errorResponse(c, bot.error);
    })
    .patch('/:id', jsonBody(updateBotSchema), (c) => {
      const bot = updateBot(deps, c.req.param('id'), c.req.valid('json'));
      return bot.ok ? c.json(bot.value) : errorResponse(c, bot.error);
    })
    .delete('/:id', (c) => {
      const deleted = deleteBot(deps, c.req.param('id'));
      return deleted.ok ? c.json(deleted.value) : errorResponse(c, deleted.error);
    });
}
