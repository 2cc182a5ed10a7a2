import { writeXml } from './xml';

/**
 * Messages as WeChat documents them (developers.weixin.qq.com/doc/offiaccount/en/Message_Management/
 * Receiving_standard_messages.html and Receiving_event_pushes.html).
 */
export const WECHAT_ACCOUNT = 'gh_3f9c1e2a7b5d';

export const wechatText = (openId: string, msgId: string, content: string) =>
  writeXml({ ToUserName: WECHAT_ACCOUNT, FromUserName: openId, CreateTime: 1735689600, MsgType: 'text', Content: content, MsgId: BigInt(msgId) });

export const wechatImage = (openId: string, msgId: string) =>
  writeXml({ ToUserName: WECHAT_ACCOUNT, FromUserName: openId, CreateTime: 1735689601, MsgType: 'image', PicUrl: 'http://mmbiz.qpic.cn/mmbiz_jpg/abc/0', MediaId: 'media_id_123', MsgId: BigInt(msgId) });

export const wechatVoice = (openId: string, msgId: string) =>
  writeXml({ ToUserName: WECHAT_ACCOUNT, FromUserName: openId, CreateTime: 1735689602, MsgType: 'voice', MediaId: 'media_voice_9', Format: 'amr', Recognition: '我要买粉底', MsgId: BigInt(msgId) });

export const wechatLocation = (openId: string, msgId: string) =>
  writeXml({ ToUserName: WECHAT_ACCOUNT, FromUserName: openId, CreateTime: 1735689603, MsgType: 'location', Location_X: 23.134521, Location_Y: 113.358803, Scale: 20, Label: '位置信息', MsgId: BigInt(msgId) });

export const wechatMenuClick = (openId: string, createTime: number, key: string) =>
  writeXml({ ToUserName: WECHAT_ACCOUNT, FromUserName: openId, CreateTime: createTime, MsgType: 'event', Event: 'CLICK', EventKey: key });

export const wechatSubscribe = (openId: string, createTime: number) =>
  writeXml({ ToUserName: WECHAT_ACCOUNT, FromUserName: openId, CreateTime: createTime, MsgType: 'event', Event: 'subscribe' });
