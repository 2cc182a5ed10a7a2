import type { Reply } from '@parley/shared';
import { callApi, sendInOrder } from '../http';
import type { Recipient, SendIo, SendResult } from '../types';
import type { WhatsappConfig } from './config';
import { renderWhatsapp } from './render';

/** `POST /<phone-number-id>/messages` on the Graph API, one message per call, in order. */
export function sendWhatsapp(replies: readonly Reply[], to: Recipient, config: WhatsappConfig, io: SendIo): Promise<SendResult> {
  return sendInOrder(renderWhatsapp(replies, config.listButton), (message) =>
    callApi(io, {
      url: `${io.apiUrls.meta}/${config.phoneNumberId}/messages`,
      headers: { authorization: `Bearer ${config.accessToken}` },
      json: { messaging_product: 'whatsapp', recipient_type: 'individual', to: to.customerId, ...message },
    }),
    io.resumeAfter,
  );
}
