import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Compares a received signature or token with the expected one in constant time. Both sides are
 * hashed first, so neither their contents nor their lengths leak through timing.
 */
export function safeEqual(received: string | Uint8Array, expected: string | Uint8Array): boolean {
  const a = createHash('sha256').update(received).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export const hmacSha256 = (secret: string, body: Uint8Array): Buffer => createHmac('sha256', secret).update(body).digest();

export const sha1Hex = (text: string): string => createHash('sha1').update(text).digest('hex');

/** A header that must be present: an absent one never equals anything. */
export function headerMatches(received: string | null, expected: string): boolean {
  return received !== null && received !== '' && safeEqual(received, expected);
}
