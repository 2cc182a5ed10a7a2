import { hmacSha256, safeEqual } from '../signing';
import type { RawRequest } from '../types';
import type { ViberConfig } from './config';

/** `X-Viber-Content-Signature`: hex HMAC-SHA256 of the raw body with the bot's auth token. */
export function verifyViber(request: RawRequest, config: ViberConfig): boolean {
  const signature = request.headers.get('x-viber-content-signature');
  return signature !== null && signature !== '' && safeEqual(signature.toLowerCase(), hmacSha256(config.authToken, request.body).toString('hex'));
}
