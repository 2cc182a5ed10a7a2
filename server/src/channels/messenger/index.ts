import { defineChannel } from '../define';
import { messengerProfile } from '../meta/profile';
import { messengerConfig } from './config';
import { parseMessenger } from './parse';
import { sendMessenger, sendMessengerAsAgent, sendMessengerTagged } from './send';
import { messengerHandshake, verifyMessenger } from './verify';

/** Facebook Messenger: a Page's webhook (messages, messaging_postbacks, deliveries, reads); replies through the Send API. */
export const messenger = defineChannel({
  id: 'messenger',
  title: 'Messenger',
  config: messengerConfig,
  secrets: ['appSecret', 'verifyToken', 'pageAccessToken'],
  handshake: messengerHandshake,
  verify: verifyMessenger,
  parse: parseMessenger,
  send: sendMessenger,
  // Send API: 300 calls a second per Page, but a Page sending over 40 a second loses its inbox until the volume drops.
  rateLimit: { perSecond: 40, maxPerSecond: 300 },
  // The standard messaging window: 24 hours after the customer's last message; a person may answer for 7 days.
  window: { hours: 24, agentHours: 7 * 24 },
  sendOutsideWindow: sendMessengerTagged,
  sendAsAgent: sendMessengerAsAgent,
  // Webhooks carry only the PSID: the name comes from the User Profile API.
  profile: (customerId, config, io) => messengerProfile(customerId, config.pageAccessToken, io),
});
