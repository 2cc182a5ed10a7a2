import type { Inbound } from '@parley/shared';
import { z } from 'zod';
import { type Result, ok } from '../../errors';
import { bodyText, geoUri, jsonPayload } from '../payload';
import type { RawRequest, WebhookItem } from '../types';
import { tapOf } from './tracking';

// REST Bot API callbacks (developers.viber.com/docs/api/rest-bot-api/#callbacks).
const user = z.object({ id: z.string(), name: z.string().optional(), language: z.string().optional(), country: z.string().optional() });
const message = z.object({
  type: z.string(),
  text: z.string().optional(),
  media: z.string().optional(),
  file_name: z.string().optional(),
  sticker_id: z.number().optional(),
  location: z.object({ lat: z.number(), lon: z.number() }).optional(),
  tracking_data: z.string().optional(),
});
const callback = z.object({
  event: z.string(),
  timestamp: z.number(),
  message_token: z.number().optional(),
  sender: user.optional(),
  user: user.optional(),
  user_id: z.string().optional(),
  message: message.optional(),
  desc: z.string().optional(),
});

type Message = z.output<typeof message>;

function inboundOf(m: Message): Inbound | undefined {
  const caption = m.text ? { caption: m.text } : {};
  switch (m.type) {
    case 'text': {
      if (m.text === undefined) return undefined;
      const tap = tapOf(m.tracking_data, m.text);
      return tap ? { kind: 'postback', payload: tap.payload, title: tap.title } : { kind: 'text', text: m.text };
    }
    case 'url':
      return m.media ? { kind: 'text', text: m.media } : undefined;
    case 'picture':
      return m.media ? { kind: 'attachment', attachmentType: 'image', url: m.media, ...caption } : undefined;
    case 'video':
      return m.media ? { kind: 'attachment', attachmentType: 'video', url: m.media } : undefined;
    case 'file':
      return m.media ? { kind: 'attachment', attachmentType: 'file', url: m.media, ...(m.file_name ? { name: m.file_name } : {}) } : undefined;
    case 'sticker':
      return { kind: 'attachment', attachmentType: 'sticker', url: m.media ?? `viber-sticker:${m.sticker_id ?? ''}` };
    case 'location':
      return m.location ? { kind: 'attachment', attachmentType: 'location', url: geoUri(m.location.lat, m.location.lon) } : undefined;
    default:
      return undefined;
  }
}

/**
 * The message token is a 64-bit integer, beyond JSON numbers' exact range: it is read from the raw
 * text so two messages never share a rounded id.
 */
function messageToken(request: RawRequest): string | undefined {
  return /"message_token"\s*:\s*(\d+)/.exec(bodyText(request))?.[1];
}

/** One callback per request: a message runs; delivered, seen, failed and (un)subscribed are recorded. */
export function parseViber(request: RawRequest): Result<WebhookItem[]> {
  const parsed = jsonPayload(request, callback, 'Viber');
  if (!parsed.ok) return parsed;
  const c = parsed.value;
  const token = messageToken(request);
  const messageId = token === undefined ? {} : { messageId: token };
  if (c.event === 'message' && c.sender && c.message) {
    const customer = { id: c.sender.id, ...(c.sender.name ? { name: c.sender.name } : {}), ...(c.sender.language ? { language: c.sender.language } : {}) };
    const inbound = inboundOf(c.message);
    if (!inbound) return ok([{ type: 'event', name: 'unsupported_message', customerId: customer.id, ...messageId, data: { type: c.message.type } }]);
    return ok([{ type: 'message', ...messageId, customer, inbound }]);
  }
  const customerId = c.user_id ?? c.user?.id;
  if (c.event === 'webhook' || customerId === undefined) return ok([]);
  return ok([{ type: 'event', name: c.event, customerId, ...messageId, ...(c.desc ? { data: { desc: c.desc } } : {}) }]);
}
