import { type JsonValue, isJsonObject } from '@parley/shared';

/**
 * Reads a dotted path out of a JSON response: `rooms.available`, `items.0.name` (or `items[0].name`).
 * Undefined when any step is missing.
 */
export function valueAtPath(body: JsonValue | undefined, path: string): JsonValue | undefined {
  let value: JsonValue | undefined = body;
  for (const key of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (key === '') continue;
    if (Array.isArray(value)) value = /^\d+$/.test(key) ? value[Number(key)] : undefined;
    else if (isJsonObject(value)) value = Object.hasOwn(value, key) ? value[key] : undefined;
    else return undefined;
  }
  return value;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const MAX_DETAIL = 200;

/** The server's own explanation, when its error body carries one. */
function detailOf(body: JsonValue | undefined): string | undefined {
  let detail: JsonValue | undefined;
  if (typeof body === 'string') detail = body;
  else if (isJsonObject(body)) {
    const error = body.error;
    detail = body.message ?? (isJsonObject(error) ? error.message : error) ?? body.detail;
  }
  if (typeof detail !== 'string') return undefined;
  const text = detail.replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/** "api.hotel.test answered 404 Not Found: no such room." */
export function statusError(host: string, status: number, body: JsonValue | undefined): string {
  const name = STATUS_TEXT[status];
  const detail = detailOf(body);
  return `${host} answered ${status}${name ? ` ${name}` : ''}${detail ? `: ${detail.replace(/\.$/, '')}` : ''}.`;
}

/** "The call to api.hotel.test failed: timed out after 5000 ms." */
export function callError(host: string, error: string | undefined): string {
  const reason = (error ?? '').trim().replace(/\.$/, '') || 'no answer came back';
  return `The call to ${host} failed: ${reason}.`;
}
