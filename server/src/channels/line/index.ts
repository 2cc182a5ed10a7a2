import { defineChannel } from '../define';
import { lineConfig } from './config';
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
  // Messaging API: 2,000 requests a second per channel for sending.
  rateLimit: { perSecond: 1000, maxPerSecond: 2000 },
});
