import { isJsonObject } from '@parley/shared';
import type { Throttle } from '../http';

/**
 * Graph API error codes that mean "too many calls" (they may come with HTTP 400 or 403, not 429):
 * app (4), user (17), Page (32) and call-rate (613) limits, the business-use-case limits of Pages,
 * Instagram and Messenger (80001, 80002, 80006), WhatsApp's throughput (130429) and spam-rate (131048) limits.
 */
const CONNECTION_LIMITS = new Set([4, 17, 32, 613, 80001, 80002, 80006, 130429, 131048]);
/** WhatsApp's pair rate limit: too many messages to this one customer just now. */
const CHAT_LIMITS = new Set([131056]);

export function metaThrottle(_status: number, body: unknown): Throttle | undefined {
  const error = isJsonObject(body) && isJsonObject(body.error) ? body.error : undefined;
  const code = typeof error?.code === 'number' ? error.code : undefined;
  if (code === undefined) return undefined;
  if (CONNECTION_LIMITS.has(code)) return {};
  if (CHAT_LIMITS.has(code)) return { chatOnly: true };
  return undefined;
}
