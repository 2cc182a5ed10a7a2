import { z } from 'zod';
import { jsonValueSchema } from './json';

/** What the customer sent, in channel-neutral form. */
export const textInboundSchema = z.object({ kind: z.literal('text'), text: z.string().max(10_000) });
/** A tap on a button, quick reply, menu item or card button; `title` is what the customer saw. */
export const postbackInboundSchema = z.object({
  kind: z.literal('postback'),
  payload: z.string().max(2_000),
  title: z.string().max(2_000).optional(),
});
export const attachmentInboundSchema = z.object({
  kind: z.literal('attachment'),
  attachmentType: z.enum(['image', 'video', 'audio', 'file', 'location', 'sticker']),
  url: z.string().max(4_000),
  name: z.string().max(500).optional(),
  caption: z.string().max(4_000).optional(),
});

/** System events: things that happen to a conversation without the customer typing. */
export const paymentInboundSchema = z.object({
  kind: z.literal('payment'),
  paymentId: z.string(),
  status: z.enum(['paid', 'failed', 'expired', 'refunded']),
});
/** A person released the conversation back to the bot, optionally naming the node to continue at. */
export const releasedInboundSchema = z.object({
  kind: z.literal('released'),
  nodeId: z.string().optional(),
  by: z.string().optional(),
});
export const timerInboundSchema = z.object({ kind: z.literal('timer'), timerId: z.string(), data: jsonValueSchema.optional() });
/** The outcome of an effect (HTTP call, payment creation, hand-off) that a node asked the server to perform. */
export const effectResultInboundSchema = z.object({
  kind: z.literal('effect'),
  effectId: z.string(),
  ok: z.boolean(),
  result: jsonValueSchema.optional(),
  error: z.string().optional(),
  /** A failure nodes can tell apart, such as `sold_out`; `error` stays the readable reason. */
  code: z.string().optional(),
});
/**
 * Messages sent to a conversation from outside its flow (a waiting list's "back in stock", later a
 * person's reply): recorded in the transcript with their replies; the flow does not run.
 */
export const noticeInboundSchema = z.object({ kind: z.literal('notice'), reason: z.string().max(100), by: z.string().max(200).optional() });

export const inboundSchema = z.discriminatedUnion('kind', [
  textInboundSchema,
  postbackInboundSchema,
  attachmentInboundSchema,
  paymentInboundSchema,
  releasedInboundSchema,
  timerInboundSchema,
  effectResultInboundSchema,
  noticeInboundSchema,
]);

export type Inbound = z.infer<typeof inboundSchema>;
export type TextInbound = z.infer<typeof textInboundSchema>;
export type PostbackInbound = z.infer<typeof postbackInboundSchema>;
export type EffectResultInbound = z.infer<typeof effectResultInboundSchema>;

/** Inbound kinds a customer produces; the others come from the platform itself. */
export function isFromCustomer(inbound: Inbound): boolean {
  return inbound.kind === 'text' || inbound.kind === 'postback' || inbound.kind === 'attachment';
}

/**
 * The inbound as the transcript stores it: `JSON.stringify`'s text. Most turns are typed text, written
 * here around the text alone: on Node 20, V8 spends about as much on each property of an object as on
 * a whole string, so this costs a third of stringifying the object.
 */
export function inboundJson(inbound: Inbound): string {
  if (inbound.kind === 'text') return `{"kind":"text","text":${JSON.stringify(inbound.text)}}`;
  return JSON.stringify(inbound);
}
