import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './env';
import { createSecretBox, secretKey } from './secrets';

describe('secrets at rest', () => {
  it('seals values that open only with the same key and in the same place', () => {
    const key = randomBytes(32);
    const box = createSecretBox(key);
    const sealed = box.seal('EAAGm0PX4ZCpsBA-page-token', 'shop/messenger/pageAccessToken');
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain('EAAGm0PX4ZCpsBA');
    expect(box.seal('same', 'p')).not.toBe(box.seal('same', 'p'));
    expect(box.open(sealed, 'shop/messenger/pageAccessToken')).toBe('EAAGm0PX4ZCpsBA-page-token');
    expect(box.open(sealed, 'other/messenger/pageAccessToken')).toBeUndefined();
    expect(createSecretBox(randomBytes(32)).open(sealed, 'shop/messenger/pageAccessToken')).toBeUndefined();
    expect(box.open(sealed.slice(0, -4) + 'AAAA', 'shop/messenger/pageAccessToken')).toBeUndefined();
  });

  it('keeps a key file beside a database, made once and readable by its owner only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-key-'));
    const db = path.join(dir, 'parley.db');
    const first = secretKey(undefined, db);
    expect(secretKey(undefined, db)).toEqual(first);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    const configured = randomBytes(32);
    expect(secretKey(configured, db)).toEqual(configured);
    fs.rmSync(dir, { recursive: true });
  });

  it('takes PARLEY_SECRET_KEY as 32 bytes of base64, and names it when it is not', () => {
    const key = randomBytes(32).toString('base64');
    const parsed = parseConfig({ PARLEY_SECRET_KEY: key });
    expect(parsed.ok && parsed.config.secretKey?.toString('base64')).toBe(key);
    const bad = parseConfig({ PARLEY_SECRET_KEY: 'short' });
    expect(!bad.ok && bad.errors[0]).toMatch(/^PARLEY_SECRET_KEY: .*32 random bytes/);
  });
});
