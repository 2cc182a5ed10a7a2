import type { Inbound } from '@parley/shared';
import { type Result, fail, ok } from '../../errors';
import { bodyText } from '../payload';
import type { RawRequest, WebhookItem } from '../types';
import type { WechatConfig } from './config';
import { decryptMessage } from './crypto';
import { readXml } from './xml';

const invalid = (message: string) => fail({ status: 400, code: 'invalid_xml', message });

/** The message's fields: the body itself, or in safe mode the XML inside its `Encrypt`. */
export function messageFields(request: RawRequest, config: WechatConfig): Result<Record<string, string>> {
  const outer = readXml(bodyText(request));
  if (!outer) return invalid('The WeChat message is not <xml>…</xml>.');
  if (config.encodingAesKey === undefined || outer.Encrypt === undefined) return ok(outer);
  const inner = decryptMessage(config.encodingAesKey, config.appId, outer.Encrypt);
  if (inner === undefined) return invalid(`The WeChat message's Encrypt does not decrypt for AppID ${config.appId}.`);
  const fields = readXml(inner);
  return fields ? ok(fields) : invalid('The decrypted WeChat message is not <xml>…</xml>.');
}

/** Media stays on WeChat's servers: the URL names it for the media API. */
const mediaUrl = (id: string | undefined) => `wechat-media:${id ?? ''}`;

function inboundOf(f: Record<string, string>): Inbound | undefined {
  switch (f.MsgType) {
    case 'text':
      return f.Content === undefined ? undefined : { kind: 'text', text: f.Content };
    case 'image':
      return f.PicUrl ? { kind: 'attachment', attachmentType: 'image', url: f.PicUrl } : undefined;
    case 'voice':
      // With speech recognition on, WeChat sends what was said along with the recording.
      return { kind: 'attachment', attachmentType: 'audio', url: mediaUrl(f.MediaId), ...(f.Recognition ? { caption: f.Recognition } : {}) };
    case 'video':
    case 'shortvideo':
      return { kind: 'attachment', attachmentType: 'video', url: mediaUrl(f.MediaId) };
    case 'location': {
      const [lat, lon] = [Number(f.Location_X), Number(f.Location_Y)];
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
      return { kind: 'attachment', attachmentType: 'location', url: `geo:${lat},${lon}`, ...(f.Label ? { name: f.Label } : {}) };
    }
    case 'link':
      return f.Url ? { kind: 'text', text: f.Title ? `${f.Title}\n${f.Url}` : f.Url } : undefined;
    default:
      return undefined;
  }
}

/**
 * One message per request. Messages are deduped by MsgId; events (which have none) by sender and
 * CreateTime, as WeChat recommends. A menu click (CLICK) runs as a postback of its key.
 */
export function parseWechat(request: RawRequest, config: WechatConfig): Result<WebhookItem[]> {
  const parsed = messageFields(request, config);
  if (!parsed.ok) return parsed;
  const f = parsed.value;
  const openId = f.FromUserName;
  if (!openId || !f.ToUserName || !f.MsgType) return fail({ status: 400, code: 'invalid_input', field: 'FromUserName', message: 'The WeChat message lacks FromUserName, ToUserName or MsgType.' });
  const customer = { id: openId };
  const context = { account: f.ToUserName };
  if (f.MsgType === 'event') {
    const messageId = `${openId}:${f.CreateTime ?? ''}`;
    const event = (f.Event ?? '').toLowerCase();
    if (event === 'click' && f.EventKey) return ok([{ type: 'message', messageId, customer, inbound: { kind: 'postback', payload: f.EventKey }, context }]);
    return ok([{ type: 'event', name: event === 'view' ? 'menu_view' : event || 'unknown', customerId: openId, messageId, ...(f.EventKey ? { data: { key: f.EventKey } } : {}) }]);
  }
  const inbound = inboundOf(f);
  const messageId = f.MsgId ?? `${openId}:${f.CreateTime ?? ''}`;
  if (!inbound) return ok([{ type: 'event', name: 'unsupported_message', customerId: openId, messageId, data: { type: f.MsgType } }]);
  return ok([{ type: 'message', messageId, customer, inbound, context }]);
}
