import { defineChannel } from '../define';
import { answerWechat } from './answer';
import { checkWechat } from './check';
import { wechatConfig } from './config';
import { parseWechat } from './parse';
import { wechatProfile } from './profile';
import { sendWechat } from './send';
import { verifyWechat, wechatHandshake } from './verify';

/**
 * WeChat Official Accounts: signed (or, in safe mode, encrypted) XML; the turn's replies are the
 * passive reply, later ones customer-service messages.
 */
export const wechat = defineChannel({
  id: 'wechat',
  title: 'WeChat',
  config: wechatConfig,
  secrets: ['appSecret', 'token', 'encodingAesKey'],
  handshake: wechatHandshake,
  verify: verifyWechat,
  parse: parseWechat,
  answer: answerWechat,
  // WeChat calls http:// URLs on port 80 too.
  acceptsHttp: true,
  check: checkWechat,
  // Customer-service messages: WeChat counts daily quotas, not a rate; a moderate cap keeps bursts polite.
  rateLimit: { perSecond: 50, maxPerSecond: 500 },
  send: sendWechat,
  // Messages carry only the OpenID: the nickname, where WeChat still gives one, comes from the user-info API.
  profile: wechatProfile,
  // Customer-service messages: within 48 hours of the customer's last message.
  window: { hours: 48 },
});
