import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets at rest (channel tokens and app secrets): AES-256-GCM, each value bound to where it belongs
 * (bot, channel, field), so a stored value cannot be moved to another field or bot.
 */
export interface SecretBox {
  seal(value: string, place: string): string;
  /** The value, or undefined when it was sealed with another key or for another place. */
  open(sealed: string, place: string): string | undefined;
}

const PREFIX = 'enc:v1:';

export const isSealed = (value: string): boolean => value.startsWith(PREFIX);

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
  return {
    seal(value, place) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(place));
      const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed, place) {
      if (!isSealed(sealed)) return undefined;
      const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      if (bytes.length < 28) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
        decipher.setAAD(Buffer.from(place));
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The key: `PARLEY_SECRET_KEY` when set (keep it outside the data directory), else a key file made
 * once beside the database (readable by this user only), so a copied database alone reveals nothing.
 * An in-memory store gets a key that lives as long as it does.
 */
export function secretKey(configured: Buffer | undefined, dbPath: string): Buffer {
  if (configured) return configured;
  if (dbPath === ':memory:') return randomBytes(32);
  const file = path.join(path.dirname(dbPath), 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // `wx`: two servers starting at once must not each write their own key.
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key (base64)`);
  return key;
}
