import type { Reply } from '@parley/shared';
import { type Pause, callApi, sendInOrder } from '../http';
import { cut, repliesAsText } from '../text';
import type { Recipient, SendIo, SendResult } from '../types';
import { metaThrottle } from '../meta/throttle';
import type { WhatsappConfig } from './config';
import { type WhatsappMessage, renderWhatsapp } from './render';

/** `POST /<phone-number-id>/messages` on the Graph API, one message per call, in order. */
export function sendWhatsapp(replies: readonly Reply[], to: Recipient, config: WhatsappConfig, io: SendIo): Promise<SendResult> {
  return sendMessages(renderWhatsapp(replies, config.listButton), to, config, io);
}

function sendMessages(messages: readonly (WhatsappMessage | Pause)[], to: Recipient, config: WhatsappConfig, io: SendIo): Promise<SendResult> {
  return sendInOrder(messages, (message) =>
    callApi(io, {
      url: `${io.apiUrls.meta}/${config.phoneNumberId}/messages`,
      headers: { authorization: `Bearer ${config.accessToken}` },
      throttle: metaThrottle,
      json: { messaging_product: 'whatsapp', recipient_type: 'individual', to: to.customerId, ...message },
    }),
    io.resumeAfter,
  );
}

/** A template parameter holds no newlines, tabs or more than four spaces in a row (else error 132018). */
const TEMPLATE_PARAMETER = 1024;
const asParameter = (text: string) => cut(text.replace(/\s+/g, ' ').trim(), TEMPLATE_PARAMETER);

/**
 * Outside the 24-hour window WhatsApp takes only approved templates: the connection's, once for the
 * turn, with the replies' text as its body parameter when it takes one. Without a template: nothing.
 */
export function sendWhatsappTemplate(replies: readonly Reply[], to: Recipient, config: WhatsappConfig, io: SendIo): Promise<SendResult> | undefined {
  if (config.templateName === undefined) return undefined;
  const text = asParameter(repliesAsText(replies));
  const components = config.templateBodyText && text !== '' ? [{ type: 'body', parameters: [{ type: 'text', text }] }] : [];
  const template = { name: config.templateName, language: { code: config.templateLanguage }, ...(components.length > 0 ? { components } : {}) };
  return sendMessages([{ type: 'template', template }], to, config, io);
}
