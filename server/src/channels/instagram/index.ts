import { defineChannel } from '../define';
import { instagramProfile } from '../meta/profile';
import { instagramConfig } from './config';
import { parseInstagram } from './parse';
import { sendInstagram, sendInstagramAsAgent } from './send';
import { instagramHandshake, verifyInstagram } from './verify';

/** Instagram Direct messages of a professional account: Meta's webhook and Send API, Instagram's limits. */
export const instagram = defineChannel({
  id: 'instagram',
  title: 'Instagram',
  config: instagramConfig,
  secrets: ['appSecret', 'verifyToken', 'accessToken'],
  handshake: instagramHandshake,
  verify: verifyInstagram,
  parse: parseInstagram,
  send: sendInstagram,
  // Send API for Instagram: 300 calls a second per professional account for text (10 for audio and video).
  rateLimit: { perSecond: 100, maxPerSecond: 300 },
  // Outside 24 hours only a person's reply goes out, for 7 days, with the HUMAN_AGENT tag (an approved permission).
  window: { hours: 24, agentHours: 7 * 24 },
  sendAsAgent: sendInstagramAsAgent,
  // Webhooks carry only the IGSID: the name comes from the user profile API.
  profile: (customerId, config, io) => instagramProfile(customerId, config.accessToken, io),
});
