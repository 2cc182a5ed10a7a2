import type { Reply } from '@parley/shared';
import type { RawRequest, WebhookAnswer, WebhookMessage } from '../types';
import type { WechatConfig } from './config';
import { encryptMessage, messageSignature } from './crypto';
import { renderWechat } from './render';
import { writeXml } from './xml';

/** "success" tells WeChat the message was taken and nothing is to be shown. */
const nothing: WebhookAnswer = { body: 'success', contentType: 'text/plain; charset=utf-8', later: [] };

/**
 * The passive reply: one text message in the webhook's answer (within WeChat's 5 seconds), encrypted
 * in safe mode. What does not fit in one message goes out after as customer-service messages.
 */
export function answerWechat(request: RawRequest, config: WechatConfig, item: WebhookMessage | undefined, replies: readonly Reply[]): WebhookAnswer {
  const account = item?.context?.account;
  const [first, ...rest] = renderWechat(replies);
  if (!item || account === undefined || first === undefined) return nothing;
  const xml = writeXml({ ToUserName: item.customer.id, FromUserName: account, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'text', Content: first });
  const later: Reply[] = rest.map((text) => ({ type: 'text', text }));
  const query = request.url.searchParams;
  const timestamp = query.get('timestamp') ?? String(Math.floor(Date.now() / 1000));
  const nonce = query.get('nonce') ?? '';
  if (config.encodingAesKey === undefined || query.get('encrypt_type') !== 'aes') return { body: xml, contentType: 'application/xml; charset=utf-8', later };
  const encrypted = encryptMessage(config.encodingAesKey, config.appId, xml);
  const envelope = writeXml({ Encrypt: encrypted, MsgSignature: messageSignature(config.token, timestamp, nonce, encrypted), TimeStamp: /^\d+$/.test(timestamp) ? Number(timestamp) : timestamp, Nonce: nonce });
  return { body: envelope, contentType: 'application/xml; charset=utf-8', later };
}
