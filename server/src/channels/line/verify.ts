import { hmacSha256, safeEqual } from '../signing';
import type { RawRequest } from '../types';
import type { LineConfig } from './config';

/** `x-line-signature`: base64 HMAC-SHA256 of the raw body with the channel secret. */
export function verifyLine(request: RawRequest, config: LineConfig): boolean {
  const signature = request.headers.get('x-line-signature');
  return signature !== null && signature !== '' && safeEqual(signature, hmacSha256(config.channelSecret, request.body).toString('base64'));
}
