import { defineChannel } from '../define';
import { instagramConfig } from './config';
import { parseInstagram } from './parse';
import { sendInstagram } from './send';
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
  // Instagram's tags need an approved human agent: outside 24 hours nothing goes out.
  window: { hours: 24 },
});
