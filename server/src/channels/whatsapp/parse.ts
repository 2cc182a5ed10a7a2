import type { Inbound } from '@parley/shared';
import { z } from 'zod';
import { type Result, fail, ok } from '../../errors';
import { invalidInput } from '../../http/validate';
import { geoUri, jsonPayload } from '../payload';
import type { RawRequest, WebhookItem } from '../types';
import type { WhatsappConfig } from './config';

// Cloud API webhooks (developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components).
const media = z.object({ id: z.string(), mime_type: z.string().optional(), caption: z.string().optional(), filename: z.string().optional() });
const message = z.object({
  from: z.string(),
  id: z.string(),
  timestamp: z.string(),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
    })
    .optional(),
  button: z.object({ text: z.string(), payload: z.string().optional() }).optional(),
  image: media.optional(),
  video: media.optional(),
  audio: media.optional(),
  voice: media.optional(),
  document: media.optional(),
  sticker: media.optional(),
  location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() }).optional(),
});
const status = z.object({
  id: z.string(),
  status: z.string(),
  timestamp: z.string(),
  recipient_id: z.string(),
  errors: z.array(z.object({ code: z.number(), title: z.string(), message: z.string().optional() })).optional(),
});
const value = z.object({
  messaging_product: z.string(),
  metadata: z.object({ display_phone_number: z.string(), phone_number_id: z.string() }),
  contacts: z.array(z.object({ profile: z.object({ name: z.string() }).optional(), wa_id: z.string() })).optional(),
  messages: z.array(message).optional(),
  statuses: z.array(status).optional(),
});
const webhook = z.object({
  object: z.string(),
  entry: z.array(z.object({ id: z.string(), changes: z.array(z.object({ field: z.string(), value: z.unknown() })) })),
});

type Message = z.output<typeof message>;
type Media = z.output<typeof media>;
type MediaKind = 'image' | 'video' | 'audio' | 'file' | 'sticker';

/** Media stays on Meta's servers: the URL names it for `GET /<media-id>`, which needs the access token. */
const mediaUrl = (id: string) => `whatsapp-media:${id}`;

function inboundOf(m: Message): Inbound | undefined {
  if (m.text) return { kind: 'text', text: m.text.body };
  const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
  if (reply) return { kind: 'postback', payload: reply.id, title: reply.title };
  // A template's quick-reply button.
  if (m.button) return { kind: 'postback', payload: m.button.payload ?? m.button.text, title: m.button.text };
  if (m.location) return { kind: 'attachment', attachmentType: 'location', url: geoUri(m.location.latitude, m.location.longitude), ...(m.location.name ? { name: m.location.name } : {}) };
  const kinds: [MediaKind, Media | undefined][] = [
    ['image', m.image],
    ['video', m.video],
    ['audio', m.audio ?? m.voice],
    ['file', m.document],
    ['sticker', m.sticker],
  ];
  for (const [attachmentType, file] of kinds)
    if (file)
      return { kind: 'attachment', attachmentType, url: mediaUrl(file.id), ...(file.filename ? { name: file.filename } : {}), ...(file.caption ? { caption: file.caption } : {}) };
  return undefined;
}

/**
 * `entry[].changes[].value` batches of messages and statuses, in order. The customer's profile name
 * comes from `contacts`; statuses (sent, delivered, read, failed) are recorded, never run.
 */
export function parseWhatsapp(request: RawRequest, config: WhatsappConfig): Result<WebhookItem[]> {
  const parsed = jsonPayload(request, webhook, 'WhatsApp');
  if (!parsed.ok) return parsed;
  if (parsed.value.object !== 'whatsapp_business_account') return ok([]);
  const items: WebhookItem[] = [];
  for (const [e, entry] of parsed.value.entry.entries())
    for (const [c, change] of entry.changes.entries()) {
      if (change.field !== 'messages') continue;
      const checked = value.safeParse(change.value);
      if (!checked.success) return fail(invalidInput(checked.error.issues.map((issue) => ({ ...issue, path: ['entry', e, 'changes', c, 'value', ...issue.path] })), 'The WhatsApp webhook body'));
      // Another number of the same business account is not this bot's.
      if (checked.data.metadata.phone_number_id !== config.phoneNumberId) continue;
      const names = new Map((checked.data.contacts ?? []).map((contact) => [contact.wa_id, contact.profile?.name]));
      for (const m of checked.data.messages ?? []) {
        const inbound = inboundOf(m);
        const name = names.get(m.from);
        if (!inbound) items.push({ type: 'event', name: 'unsupported_message', customerId: m.from, messageId: m.id, data: { type: m.type } });
        else items.push({ type: 'message', messageId: m.id, customer: { id: m.from, ...(name ? { name } : {}) }, inbound });
      }
      for (const s of checked.data.statuses ?? [])
        items.push({ type: 'event', name: s.status, customerId: s.recipient_id, messageId: s.id, ...(s.errors ? { data: { errors: s.errors.map((err) => ({ code: err.code, title: err.title })) } } : {}) });
    }
  return ok(items);
}
