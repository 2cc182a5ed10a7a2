import { safeEqual, sha1Hex } from '../signing';
import type { RawRequest } from '../types';
import type { WechatConfig } from './config';
import { messageSignature } from './crypto';
import { readXml } from './xml';

const signature = (token: string, timestamp: string, nonce: string) => sha1Hex([token, timestamp, nonce].sort().join(''));

function plainSigned(request: RawRequest, config: WechatConfig): boolean {
  const query = request.url.searchParams;
  const [given, timestamp, nonce] = [query.get('signature'), query.get('timestamp'), query.get('nonce')];
  return given !== null && timestamp !== null && nonce !== null && safeEqual(given, signature(config.token, timestamp, nonce));
}

/** The server-configuration check: a signed GET whose `echostr` is echoed back. */
export function wechatHandshake(request: RawRequest, config: WechatConfig): string | undefined {
  const echo = request.url.searchParams.get('echostr');
  return echo !== null && plainSigned(request, config) ? echo : undefined;
}

/**
 * Plain mode signs only token, timestamp and nonce, not the body. With an EncodingAESKey (safe mode)
 * a message must come encrypted and `msg_signature` covers the ciphertext, so an altered body fails.
 */
export function verifyWechat(request: RawRequest, config: WechatConfig): boolean {
  const query = request.url.searchParams;
  if (config.encodingAesKey === undefined) return plainSigned(request, config);
  const [given, timestamp, nonce] = [query.get('msg_signature'), query.get('timestamp'), query.get('nonce')];
  const encrypted = readXml(Buffer.from(request.body).toString('utf8'))?.Encrypt;
  if (query.get('encrypt_type') !== 'aes' || given === null || timestamp === null || nonce === null || encrypted === undefined) return false;
  return safeEqual(given, messageSignature(config.token, timestamp, nonce, encrypted));
}
