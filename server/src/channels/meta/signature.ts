import { hmacSha256, safeEqual } from '../signing';
import type { RawRequest } from '../types';

/** Meta's apps (Messenger, Instagram, WhatsApp) share these two secrets of the app's webhook. */
export interface MetaWebhookSecrets {
  appSecret: string;
  verifyToken: string;
}

/** `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>`. */
export function verifyMetaSignature(request: RawRequest, secrets: MetaWebhookSecrets): boolean {
  const header = request.headers.get('x-hub-signature-256');
  if (header === null || !header.startsWith('sha256=')) return false;
  return safeEqual(header, `sha256=${hmacSha256(secrets.appSecret, request.body).toString('hex')}`);
}

/** The subscription handshake: `hub.mode=subscribe`, the verify token set in the app; answer `hub.challenge`. */
export function metaHandshake(request: RawRequest, secrets: MetaWebhookSecrets): string | undefined {
  const query = request.url.searchParams;
  const token = query.get('hub.verify_token');
  const challenge = query.get('hub.challenge');
  if (query.get('hub.mode') !== 'subscribe' || token === null || challenge === null) return undefined;
  return safeEqual(token, secrets.verifyToken) ? challenge : undefined;
}
