import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Store } from '../db/open';
import { settings } from '../db/schema';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

export interface AdminAuth {
  verify(token: string): boolean;
  /** Set only when this start generated the token: print it once, it is never shown again. */
  generatedToken: string | undefined;
  /** Keeps a generated token for the next starts; call it once the token has been shown. */
  keep(): void;
}

/**
 * The admin bearer token, for scripts and the CLI: acts with the admin role. From PARLEY_ADMIN_TOKEN,
 * or generated on first start and kept as a hash.
 */
export function setUpAdminAuth({ db }: Store, configured: string | undefined): AdminAuth {
  let generatedToken: string | undefined;
  let expected: Buffer;
  if (configured !== undefined) expected = sha256(configured);
  else {
    const stored = db.select().from(settings).where(eq(settings.key, 'admin_token_sha256')).get();
    if (stored) expected = Buffer.from(stored.value, 'hex');
    else {
      generatedToken = `prl_${randomBytes(24).toString('base64url')}`;
      expected = sha256(generatedToken);
    }
  }
  return {
    verify: (token) => timingSafeEqual(sha256(token), expected),
    generatedToken,
    // Stored only once shown: a start that fails before then must not lose the only copy.
    keep: () => {
      if (generatedToken === undefined) return;
      db.insert(settings).values({ key: 'admin_token_sha256', value: expected.toString('hex') }).onConflictDoNothing().run();
    },
  };
}
