import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { botRoutes } from './bots';
import { conversationRoutes } from './conversations';
import { flowRoutes } from './flow';
import { metaRoutes } from './meta';
import { productRoutes } from './products';
import { testChatRoutes } from './test-chat';
import { versionRoutes } from './versions';

/** The admin API under /api (the caller puts it behind the admin token). */
export function adminRoutes(deps: AppDeps) {
  return new Hono()
    .route('/bots', botRoutes(deps))
    .route('/bots', flowRoutes(deps))
    .route('/bots', versionRoutes(deps))
    .route('/bots', productRoutes(deps))
    .route('/bots', testChatRoutes(deps))
    .route('/conversations', conversationRoutes(deps))
    .route('/', metaRoutes(deps));
}
