import { defineChannel } from '../define';
import { whatsappConfig } from './config';
import { parseWhatsapp } from './parse';
import { sendWhatsapp } from './send';
import { verifyWhatsapp, whatsappHandshake } from './verify';

/** WhatsApp Business on Meta's Cloud API: one business number's messages and statuses; replies through the Graph API. */
export const whatsapp = defineChannel({
  id: 'whatsapp',
  title: 'WhatsApp',
  config: whatsappConfig,
  secrets: ['appSecret', 'verifyToken', 'accessToken'],
  handshake: whatsappHandshake,
  verify: verifyWhatsapp,
  parse: parseWhatsapp,
  send: sendWhatsapp,
});
