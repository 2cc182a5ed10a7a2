import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's baseline), salt included in the result. */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A hash that cannot be read matches nothing.
    return false;
  }
}

let nobodysHash: Promise<string> | undefined;

/** Spends the time a real check takes, so an unknown address answers no faster than a wrong password. */
export async function checkAgainstNobody(password: string): Promise<false> {
  nobodysHash ??= hash(`nobody-${Math.random()}`);
  await passwordMatches(await nobodysHash, password);
  return false;
}
