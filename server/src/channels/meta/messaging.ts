import type { Inbound } from '@parley/shared';
import { z } from 'zod';
import { type Result, ok } from '../../errors';
import { geoUri, jsonPayload } from '../payload';
import type { RawRequest, WebhookItem } from '../types';

// Messenger Platform webhook events (entry[].messaging[]), which Instagram messaging shares.
const attachment = z.object({
  type: z.string(),
  payload: z
    .object({
      url: z.string().optional(),
      title: z.string().optional(),
      sticker_id: z.number().optional(),
      coordinates: z.object({ lat: z.number(), long: z.number() }).optional(),
    })
    .nullable()
    .optional(),
});
const messaging = z.object({
  sender: z.object({ id: z.string() }),
  recipient: z.object({ id: z.string() }),
  timestamp: z.number().optional(),
  message: z
    .object({
      mid: z.string(),
      text: z.string().optional(),
      is_echo: z.boolean().optional(),
      is_deleted: z.boolean().optional(),
      is_unsupported: z.boolean().optional(),
      quick_reply: z.object({ payload: z.string() }).optional(),
      attachments: z.array(attachment).optional(),
    })
    .optional(),
  postback: z.object({ mid: z.string().optional(), title: z.string().optional(), payload: z.string() }).optional(),
  delivery: z.object({ mids: z.array(z.string()).optional(), watermark: z.number().optional() }).optional(),
  read: z.object({ watermark: z.number().optional(), mid: z.string().optional() }).optional(),
});
const webhook = z.object({
  object: z.string(),
  entry: z.array(z.object({ id: z.string(), time: z.number().optional(), messaging: z.array(messaging).optional() })),
});

type Messaging = z.output<typeof messaging>;
type Attachment = z.output<typeof attachment>;

/** Shares, story mentions and reels carry a link to their media: kept as a file the flow can read. */
const mediaType = (type: string): 'image' | 'video' | 'audio' | 'file' => (type === 'image' || type === 'video' || type === 'audio' ? type : 'file');

function attachmentInbound(item: Attachment): Inbound | undefined {
  const payload = item.payload ?? undefined;
  if (payload?.coordinates) return { kind: 'attachment', attachmentType: 'location', url: geoUri(payload.coordinates.lat, payload.coordinates.long), ...(payload.title ? { name: payload.title } : {}) };
  if (!payload?.url) return undefined;
  if (payload.sticker_id !== undefined) return { kind: 'attachment', attachmentType: 'sticker', url: payload.url };
  return { kind: 'attachment', attachmentType: mediaType(item.type), url: payload.url };
}

function itemOf(event: Messaging): WebhookItem | undefined {
  const customer = { id: event.sender.id };
  const { message, postback } = event;
  if (message) {
    // Echoes are the page's own sent messages.
    if (message.is_echo) return undefined;
    if (message.is_deleted || message.is_unsupported)
      return { type: 'event', name: message.is_deleted ? 'message_deleted' : 'unsupported_message', customerId: customer.id, messageId: message.mid };
    if (message.quick_reply)
      return { type: 'message', messageId: message.mid, customer, inbound: { kind: 'postback', payload: message.quick_reply.payload, ...(message.text ? { title: message.text } : {}) } };
    if (message.text !== undefined) return { type: 'message', messageId: message.mid, customer, inbound: { kind: 'text', text: message.text } };
    // One message id, one turn: a message with several attachments runs on its first.
    const first = message.attachments?.[0];
    const inbound = first ? attachmentInbound(first) : undefined;
    if (!inbound) return { type: 'event', name: 'unsupported_message', customerId: customer.id, messageId: message.mid };
    return { type: 'message', messageId: message.mid, customer, inbound };
  }
  if (postback) {
    // Older postbacks carry no mid: sender and time identify a redelivery just as well.
    const messageId = postback.mid ?? `postback:${customer.id}:${event.timestamp ?? 0}`;
    return { type: 'message', messageId, customer, inbound: { kind: 'postback', payload: postback.payload, ...(postback.title ? { title: postback.title } : {}) } };
  }
  if (event.delivery) return { type: 'event', name: 'delivered', customerId: customer.id, data: { mids: event.delivery.mids ?? [], watermark: event.delivery.watermark ?? null } };
  if (event.read) return { type: 'event', name: 'read', customerId: customer.id, ...(event.read.mid ? { messageId: event.read.mid } : {}), data: { watermark: event.read.watermark ?? null } };
  return undefined;
}

/**
 * A batch of messaging events, in order: `entry[].messaging[]`. `object` names the product ("page" for
 * Messenger, "instagram"); a webhook for another product is not this channel's and carries nothing.
 */
export function parseMessaging(request: RawRequest, object: string, title: string): Result<WebhookItem[]> {
  const parsed = jsonPayload(request, webhook, title);
  if (!parsed.ok) return parsed;
  if (parsed.value.object !== object) return ok([]);
  const items: WebhookItem[] = [];
  for (const entry of parsed.value.entry)
    for (const event of entry.messaging ?? []) {
      const item = itemOf(event);
      if (item) items.push(item);
    }
  return ok(items);
}
