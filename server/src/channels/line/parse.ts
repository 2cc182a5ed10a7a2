import type { Inbound } from '@parley/shared';
import { z } from 'zod';
import { type Result, ok } from '../../errors';
import { geoUri, jsonPayload } from '../payload';
import type { RawRequest, WebhookItem } from '../types';

// Messaging API webhook events (developers.line.biz/en/reference/messaging-api/#webhook-event-objects).
const source = z.object({ type: z.string(), userId: z.string().optional(), groupId: z.string().optional(), roomId: z.string().optional() });
const message = z.object({
  id: z.string(),
  type: z.string(),
  text: z.string().optional(),
  fileName: z.string().optional(),
  title: z.string().optional(),
  address: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  packageId: z.string().optional(),
  stickerId: z.string().optional(),
});
const event = z.object({
  type: z.string(),
  mode: z.string().optional(),
  timestamp: z.number(),
  source: source.optional(),
  webhookEventId: z.string(),
  deliveryContext: z.object({ isRedelivery: z.boolean() }).optional(),
  replyToken: z.string().optional(),
  message: message.optional(),
  postback: z.object({ data: z.string() }).optional(),
});
const webhook = z.object({ destination: z.string(), events: z.array(event) });

type Message = z.output<typeof message>;

/** Content stays on LINE's servers: the URL names it for `GET /v2/bot/message/<id>/content`. */
const contentUrl = (id: string) => `line-content:${id}`;

function inboundOf(m: Message): Inbound | undefined {
  switch (m.type) {
    case 'text':
      return m.text === undefined ? undefined : { kind: 'text', text: m.text };
    case 'image':
    case 'video':
    case 'audio':
      return { kind: 'attachment', attachmentType: m.type, url: contentUrl(m.id) };
    case 'file':
      return { kind: 'attachment', attachmentType: 'file', url: contentUrl(m.id), ...(m.fileName ? { name: m.fileName } : {}) };
    case 'location':
      return m.latitude === undefined || m.longitude === undefined
        ? undefined
        : { kind: 'attachment', attachmentType: 'location', url: geoUri(m.latitude, m.longitude), ...((m.title ?? m.address) ? { name: m.title ?? m.address } : {}) };
    case 'sticker':
      return { kind: 'attachment', attachmentType: 'sticker', url: `line-sticker:${m.packageId ?? ''}/${m.stickerId ?? ''}` };
    default:
      return undefined;
  }
}

/**
 * `events[]` in order; the webhookEventId is the message id (LINE redelivers with the same one). A
 * group or room is one conversation, addressed by its id. The empty batch LINE sends to check a
 * webhook URL carries nothing.
 */
export function parseLine(request: RawRequest): Result<WebhookItem[]> {
  const parsed = jsonPayload(request, webhook, 'LINE');
  if (!parsed.ok) return parsed;
  const items: WebhookItem[] = [];
  for (const e of parsed.value.events) {
    const chat = e.source?.groupId ?? e.source?.roomId ?? e.source?.userId;
    if (chat === undefined) continue;
    const context = e.replyToken ? { replyToken: e.replyToken } : undefined;
    const customer = { id: chat };
    if (e.type === 'message' && e.message) {
      const inbound = inboundOf(e.message);
      if (inbound) items.push({ type: 'message', messageId: e.webhookEventId, customer, inbound, ...(context ? { context } : {}) });
      else items.push({ type: 'event', name: 'unsupported_message', customerId: chat, messageId: e.webhookEventId, data: { type: e.message.type } });
    } else if (e.type === 'postback' && e.postback)
      items.push({ type: 'message', messageId: e.webhookEventId, customer, inbound: { kind: 'postback', payload: e.postback.data }, ...(context ? { context } : {}) });
    else if (e.type === 'follow' || e.type === 'unfollow' || e.type === 'unsend') items.push({ type: 'event', name: e.type, customerId: chat, messageId: e.webhookEventId });
  }
  return ok(items);
}
