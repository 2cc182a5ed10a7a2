import { defineChannel } from '../define';
import { lineConfig } from './config';
import { lineProfile } from './profile';
import { parseLine } from './parse';
import { sendLine } from './send';
import { verifyLine } from './verify';

/** LINE Official Accounts through the Messaging API: reply with the event's token, push the rest. */
export const line = defineChannel({
  id: 'line',
  title: 'LINE',
  config: lineConfig,
  secrets: ['channelSecret', 'channelAccessToken'],
  verify: verifyLine,
  parse: parseLine,
  send: sendLine,
  // Webhooks carry only the userId: the name comes from the profile API.
  profile: lineProfile,
  // Messaging API: 2,000 requests a second per channel for sending.
  rateLimit: { perSecond: 1000, maxPerSecond: 2000 },
});
