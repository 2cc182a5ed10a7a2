import { z } from 'zod';
import { fetchProfile, languageTag, nameOf } from '../profile';
import type { ProfileResult, SendIo } from '../types';
import { metaThrottle } from './throttle';

const messengerProfileSchema = z.object({ first_name: z.string().optional(), last_name: z.string().optional(), locale: z.string().optional() });
const instagramProfileSchema = z.object({ name: z.string().optional(), username: z.string().optional() });

const get = (io: SendIo, customerId: string, fields: string, accessToken: string) => ({
  url: `${io.apiUrls.meta}/${encodeURIComponent(customerId)}?fields=${fields}`,
  headers: { authorization: `Bearer ${accessToken}` },
  throttle: metaThrottle,
});

/**
 * Messenger's User Profile API (`GET /<PSID>?fields=first_name,last_name,locale`). `locale` needs a
 * permission the Page may not have: refused with it, the names are asked for alone.
 */
export async function messengerProfile(customerId: string, accessToken: string, io: SendIo): Promise<ProfileResult> {
  const read = (body: z.output<typeof messengerProfileSchema>) => ({ name: nameOf(body.first_name, body.last_name), language: languageTag(body.locale) });
  const full = await fetchProfile(io, get(io, customerId, 'first_name,last_name,locale', accessToken), messengerProfileSchema, read);
  if (full.ok || full.error.retryable || full.error.status === undefined) return full;
  return fetchProfile(io, get(io, customerId, 'first_name,last_name', accessToken), messengerProfileSchema, read);
}

/** Instagram's user profile (`GET /<IGSID>?fields=name,username`): the name, else the username. */
export const instagramProfile = (customerId: string, accessToken: string, io: SendIo): Promise<ProfileResult> =>
  fetchProfile(io, get(io, customerId, 'name,username', accessToken), instagramProfileSchema, (body) => ({ name: nameOf(body.name) ?? nameOf(body.username) }));
