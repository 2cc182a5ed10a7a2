import { defineChannel } from '../define';
import { whatsappConfig } from './config';
import { parseWhatsapp } from './parse';
import { sendWhatsapp, sendWhatsappTemplate } from './send';
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
  // Cloud API: 80 messages a second per business number by default, up to 1000 once Meta raises it.
  rateLimit: { perSecond: 80, maxPerSecond: 1000 },
  // The customer-service window: 24 hours after the customer's last message; then only templates.
  window: { hours: 24 },
  sendOutsideWindow: sendWhatsappTemplate,
});
