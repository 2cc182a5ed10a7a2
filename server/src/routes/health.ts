import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps';

export function healthRoutes({ store, docs }: AppDeps) {
  docs.add({
    method: 'get',
    path: '/api/health',
    summary: 'Whether the server and its store are up',
    tag: 'System',
    public: true,
    responses: { 200: { description: 'Ready', schema: z.object({ status: z.literal('ok') }) }, 503: { description: 'The store is not open' } },
  });
  return new Hono().get('/', (c) => {
    try {
      store.sqlite.prepare('select 1').get();
      return c.json({ status: 'ok' as const });
    } catch {
      return c.json({ status: 'unavailable', error: { code: 'store_unavailable', message: 'The store is not open.' } }, 503);
    }
  });
}
