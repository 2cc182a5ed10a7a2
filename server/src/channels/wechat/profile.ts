import { z } from 'zod';
import { fetchProfile, languageTag, nameOf } from '../profile';
import type { ProfileResult, SendIo } from '../types';
import type { WechatConfig } from './config';
import { accessToken, refusal } from './send';

// Since December 2021 WeChat answers an empty nickname (and no sex, city or language) for most users.
const wechatUserSchema = z.object({ subscribe: z.number().optional(), nickname: z.string().optional(), language: z.string().optional() });

/** The user-info API (`/cgi-bin/user/info?openid=…`): the nickname where WeChat still gives one. */
export async function wechatProfile(customerId: string, config: WechatConfig, io: SendIo): Promise<ProfileResult> {
  const token = await accessToken(config, io, false);
  if (!token.ok) return token.result.ok ? { ok: true, profile: {} } : token.result;
  const url = `${io.apiUrls.wechat}/cgi-bin/user/info?access_token=${encodeURIComponent(token.token)}&openid=${encodeURIComponent(customerId)}&lang=zh_CN`;
  return fetchProfile(io, { url }, wechatUserSchema, (body) => (body.subscribe === 0 ? {} : { name: nameOf(body.nickname), language: languageTag(body.language) }), refusal);
}
