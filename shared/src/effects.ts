import { z } from 'zod';
import { jsonValueSchema } from './json';

/**
 * Work a node asks the server to do, since the engine itself does no I/O. The server performs it
 * and feeds the outcome back as an `effect` inbound (or, for payments, a `payment` inbound later).
 */
export const httpEffectSchema = z.object({
  kind: z.literal('http'),
  id: z.string(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string().optional(),
  timeoutMs: z.number().int().min(100).max(60_000),
});

export const paymentItemSchema = z.object({
  sku: z.string().optional(),
  title: z.string(),
  quantity: z.number().int().min(1),
  unitPrice: z.number().min(0),
  /** What the customer chose for this line: colour, strap, initials. */
  options: z.record(z.string(), z.string()).optional(),
});

export const paymentEffectSchema = z.object({
  kind: z.literal('payment'),
  id: z.string(),
  provider: z.string(),
  currency: z.string().length(3),
  amount: z.number().min(0),
  description: z.string(),
  items: z.array(paymentItemSchema),
  expiresInMinutes: z.number().int().min(1).max(60 * 24 * 7),
});

export const handoffEffectSchema = z.object({
  kind: z.literal('handoff'),
  id: z.string(),
  queue: z.string(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  summary: z.string(),
  vars: z.record(z.string(), jsonValueSchema),
});

export const timerEffectSchema = z.object({
  kind: z.literal('timer'),
  id: z.string(),
  at: z.string(),
  data: jsonValueSchema.optional(),
});

/** Puts the conversation on a product's waiting list; `notice` is sent to it when the product is back in stock. */
export const waitlistEffectSchema = z.object({
  kind: z.literal('waitlist'),
  id: z.string(),
  sku: z.string().min(1),
  notice: z.string().min(1).max(2_000),
});

export const effectSchema = z.discriminatedUnion('kind', [httpEffectSchema, paymentEffectSchema, handoffEffectSchema, timerEffectSchema, waitlistEffectSchema]);
export type Effect = z.infer<typeof effectSchema>;
export type HttpEffect = z.infer<typeof httpEffectSchema>;
export type PaymentEffect = z.infer<typeof paymentEffectSchema>;
export type HandoffEffect = z.infer<typeof handoffEffectSchema>;
export type PaymentItem = z.infer<typeof paymentItemSchema>;
export type WaitlistEffect = z.infer<typeof waitlistEffectSchema>;
