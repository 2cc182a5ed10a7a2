import { z } from 'zod';
import { fetchProfile, languageTag, nameOf } from '../profile';
import type { ProfileResult, SendIo } from '../types';
import type { LineConfig } from './config';

const lineProfileSchema = z.object({ displayName: z.string().optional(), language: z.string().optional() });

/**
 * `GET /v2/bot/profile/{userId}`: displayName, and language where the user allowed it. A group's or a
 * room's conversation (ids starting C or R) has no one profile.
 */
export function lineProfile(customerId: string, config: LineConfig, io: SendIo): Promise<ProfileResult> {
  if (!customerId.startsWith('U')) return Promise.resolve({ ok: true, profile: {} });
  return fetchProfile(
    io,
    { url: `${io.apiUrls.line}/v2/bot/profile/${encodeURIComponent(customerId)}`, headers: { authorization: `Bearer ${config.channelAccessToken}` } },
    lineProfileSchema,
    (body) => ({ name: nameOf(body.displayName), language: languageTag(body.language) }),
  );
}
