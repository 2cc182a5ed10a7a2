import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorResponse } from '../errors';

/**
 * Refuses bodies over `maxBytes` with a JSON 413. The declared Content-Length is checked from the
 * header alone (touching the body stream would make the Node adapter build a full Request on every
 * message); bodies sent without a length go through Hono's counting limit.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge: MiddlewareHandler = async (c) => errorResponse(c, { status: 413, code: 'too_large', message: `The body is larger than ${Math.round(maxBytes / 1024)} KB.` });
  const counting = bodyLimit({ maxSize: maxBytes, onError: (c) => errorResponse(c, { status: 413, code: 'too_large', message: `The body is larger than ${Math.round(maxBytes / 1024)} KB.` }) });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxBytes) return tooLarge(c, next);
      return next();
    }
    return counting(c, next);
  };
}
