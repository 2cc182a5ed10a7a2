import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { botRoutes } from './bots';
import { conversationRoutes } from './conversations';
import { flowRoutes } from './flow';
import { metaRoutes } from './meta';
import { orderRoutes } from './orders';
import { productRoutes } from './products';
import { versionRoutes } from './versions';

/** The admin API under /api (the caller puts it behind the admin token). */
export function adminRoutes(deps: AppDeps) {
  const ordersApi = orderRoutes(deps);
  return new Hono()
    .route('/bots', botRoutes(deps))
    .route('/bots', flowRoutes(deps))
    .route('/bots', versionRoutes(deps))
    .route('/bots', productRoutes(deps))
    .route('/bots', ordersApi.bot)
    .route('/orders', ordersApi.single)
    .route('/conversations', conversationRoutes(deps))
    .route('/', metaRoutes(deps));
}
