import type { MiddlewareHandler } from 'hono';

const ALLOW_METHODS = 'GET, POST, OPTIONS';
const ALLOW_HEADERS = 'content-type, last-event-id';

/**
 * The web channel is called from customers' browsers on the bot owner's site, any origin: answers
 * preflights and allows any origin, without credentials (the widget sends no cookies; its
 * conversation id is its secret). The header is set before the handler answers, never on the
 * finished response: touching that afterwards makes the Node adapter rebuild every reply as a full
 * Response, which halved the web channel's throughput.
 */
export function webChannelCors(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined) {
      return c.body(null, 204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': ALLOW_METHODS,
        'access-control-allow-headers': ALLOW_HEADERS,
        'access-control-max-age': '86400',
        vary: 'access-control-request-headers',
      });
    }
    c.header('access-control-allow-origin', '*');
    await next();
  };
}
