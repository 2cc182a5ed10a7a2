import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address the request came from, as the socket tells it (a forwarded header would be the client's
 * to choose). Requests that do not come through a Node socket, such as `app.request()` in tests, read
 * as "local".
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
