import type { Reply } from '@parley/shared';
import { isJsonObject } from '@parley/shared';
import { type ApiResult, callApi, sendInOrder } from '../http';
import type { Recipient, SendIo, SendResult } from '../types';
import type { WechatConfig } from './config';
import { renderWechat } from './render';

/** WeChat answers 200 with `errcode` other than 0 when it refuses. */
export const refusal = (body: unknown): string | undefined =>
  isJsonObject(body) && typeof body.errcode === 'number' && body.errcode !== 0 ? `${String(body.errmsg ?? 'refused')} (errcode ${body.errcode})` : undefined;

/** Access tokens last two hours and are rate-limited: one per account is kept until shortly before it expires. */
const tokens = new Map<string, { token: string; until: number }>();
const EXPIRED_TOKEN = /errcode (40001|40014|42001)\)$/;

export async function accessToken(config: WechatConfig, io: SendIo, fresh: boolean): Promise<{ ok: true; token: string } | { ok: false; result: ApiResult }> {
  const key = `${io.apiUrls.wechat}|${config.appId}|${config.appSecret}`;
  const cached = tokens.get(key);
  if (!fresh && cached && cached.until > Date.now()) return { ok: true, token: cached.token };
  const url = `${io.apiUrls.wechat}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(config.appId)}&secret=${encodeURIComponent(config.appSecret)}`;
  const result = await callApi(io, { url, method: 'GET' }, refusal);
  if (!result.ok) return { ok: false, result };
  const body = result.body;
  if (!isJsonObject(body) || typeof body.access_token !== 'string') return { ok: false, result: { ok: false, error: { status: result.status, message: 'WeChat gave no access_token', retryable: true } } };
  const seconds = typeof body.expires_in === 'number' ? body.expires_in : 7200;
  tokens.set(key, { token: body.access_token, until: Date.now() + Math.max(0, seconds - 300) * 1000 });
  return { ok: true, token: body.access_token };
}

/**
 * Customer-service messages (`/cgi-bin/message/custom/send`): replies that come after the passive
 * reply (payments, timers, overflow). A stale access token is renewed once.
 */
export function sendWechat(replies: readonly Reply[], to: Recipient, config: WechatConfig, io: SendIo): Promise<SendResult> {
  const sendOne = async (content: string, fresh: boolean): Promise<ApiResult> => {
    const token = await accessToken(config, io, fresh);
    if (!token.ok) return token.result;
    const sent = await callApi(io, { url: `${io.apiUrls.wechat}/cgi-bin/message/custom/send?access_token=${encodeURIComponent(token.token)}`, json: { touser: to.customerId, msgtype: 'text', text: { content } } }, refusal);
    return !fresh && !sent.ok && EXPIRED_TOKEN.test(sent.error.message) ? sendOne(content, true) : sent;
  };
  return sendInOrder(
    renderWechat(replies).map((text) => ({ text })),
    (message) => sendOne(message.text, false),
    io.resumeAfter,
  );
}
