import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A credential to hand out once: 256 random bits, URL-safe, behind a readable prefix. */
export const newSecret = (prefix = '') => `${prefix}${randomBytes(32).toString('base64url')}`;

/**
 * How credentials are kept: a fast hash is enough for secrets of 256 random bits (unlike passwords),
 * and it lets a request find its row by index.
 */
export const sha256Hex = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Compares secrets in constant time (both are hashed first, so lengths never leak or throw). */
export const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
