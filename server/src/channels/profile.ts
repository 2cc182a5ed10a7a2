import type { z } from 'zod';
import { type ApiCall, callApi } from './http';
import type { PlatformProfile, ProfileResult, SendIo } from './types';

/** `en_US` (Meta, WeChat) → `en-US`: contacts hold BCP 47 tags, as Telegram and Viber give them. */
export const languageTag = (locale: string | undefined): string | undefined => (locale?.trim() ? locale.trim().replace(/_/g, '-') : undefined);

/** A name from its parts, or undefined when the platform gave none (WeChat's nickname is now empty). */
export function nameOf(...parts: (string | undefined)[]): string | undefined {
  const name = parts
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
  return name === '' ? undefined : name;
}

/** One GET on a profile API, its answer read with `schema` and turned into a profile by `read`. */
export async function fetchProfile<T>(io: SendIo, call: ApiCall, schema: z.ZodType<T>, read: (body: T) => PlatformProfile, check?: (body: unknown) => string | undefined): Promise<ProfileResult> {
  const result = await callApi(io, { method: 'GET', ...call }, check);
  if (!result.ok) return result;
  const parsed = schema.safeParse(result.body);
  if (!parsed.success) return { ok: false, error: { status: result.status, message: `the profile did not have the documented shape: ${parsed.error.issues[0]?.message ?? 'unreadable'}`, retryable: false } };
  const profile = read(parsed.data);
  return { ok: true, profile: { ...(profile.name ? { name: profile.name } : {}), ...(profile.language ? { language: profile.language } : {}) } };
}
