import { cors } from 'hono/cors';

/**
 * The web channel is called from customers' browsers on the bot owner's site, any origin: answers
 * preflights and allows any origin, without credentials (the widget sends no cookies; its
 * conversation id is its secret).
 */
export function webChannelCors() {
  return cors({
    origin: '*',
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['content-type', 'last-event-id'],
    maxAge: 86_400,
    credentials: false,
  });
}
