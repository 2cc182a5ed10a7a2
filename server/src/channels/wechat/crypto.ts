import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { sha1Hex } from '../signing';

/**
 * WeChat's safe mode (消息加解密): AES-256-CBC with the key Base64(EncodingAESKey + "=") (32 bytes)
 * and its first 16 bytes as IV. Plain text: 16 random bytes, the message length (4 bytes, network
 * order), the message, the AppID; PKCS#7-padded to a multiple of 32 bytes.
 */
const BLOCK = 32;

export function aesKey(encodingAesKey: string): Buffer {
  return Buffer.from(`${encodingAesKey}=`, 'base64');
}

/** The signature of a safe-mode message: sha1 of token, timestamp, nonce and the ciphertext, sorted. */
export const messageSignature = (token: string, timestamp: string, nonce: string, encrypted: string): string => sha1Hex([token, timestamp, nonce, encrypted].sort().join(''));

export function encryptMessage(encodingAesKey: string, appId: string, message: string, random: Buffer = randomBytes(16)): string {
  const key = aesKey(encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([random, length, body, Buffer.from(appId, 'utf8')]);
  const pad = BLOCK - (plain.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** The message inside, or undefined when it does not decrypt, is badly padded, or is for another AppID. */
export function decryptMessage(encodingAesKey: string, appId: string, encrypted: string): string | undefined {
  const key = aesKey(encodingAesKey);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  } catch {
    return undefined;
  }
  const pad = plain.at(-1) ?? 0;
  if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) return undefined;
  const content = plain.subarray(16, plain.length - pad);
  const length = content.readUInt32BE(0);
  if (4 + length > content.length) return undefined;
  const message = content.subarray(4, 4 + length).toString('utf8');
  return content.subarray(4 + length).toString('utf8') === appId ? message : undefined;
}
