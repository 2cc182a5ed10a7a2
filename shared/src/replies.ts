import { z } from 'zod';

/** Replies are channel-neutral; each channel renders them within its own limits. */
export const buttonSchema = z.object({ title: z.string(), payload: z.string() });

export const cardButtonSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('postback'), title: z.string(), payload: z.string() }),
  z.object({ action: z.literal('url'), title: z.string(), url: z.string() }),
  z.object({ action: z.literal('pay'), title: z.string(), url: z.string(), paymentId: z.string().optional() }),
]);

export const cardSchema = z.object({
  title: z.string(),
  subtitle: z.string().optional(),
  imageUrl: z.string().optional(),
  buttons: z.array(cardButtonSchema).default([]),
});

export const replySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image'), url: z.string(), caption: z.string().optional() }),
  z.object({ type: z.literal('video'), url: z.string(), caption: z.string().optional() }),
  z.object({ type: z.literal('file'), url: z.string(), name: z.string().optional(), caption: z.string().optional() }),
  /** A question with buttons or quick replies; channels choose which by count and length. */
  z.object({ type: z.literal('buttons'), text: z.string(), buttons: z.array(buttonSchema) }),
  z.object({ type: z.literal('cards'), cards: z.array(cardSchema) }),
  z.object({
    type: z.literal('payment'),
    text: z.string(),
    url: z.string(),
    paymentId: z.string(),
    amount: z.number(),
    currency: z.string(),
    testMode: z.boolean(),
  }),
  z.object({ type: z.literal('typing'), ms: z.number().int().min(0).max(20_000) }),
  z.object({ type: z.literal('handoff'), text: z.string(), queue: z.string().optional() }),
]);

export type Reply = z.infer<typeof replySchema>;
export type ReplyButton = z.infer<typeof buttonSchema>;
export type Card = z.infer<typeof cardSchema>;
export type CardButton = z.infer<typeof cardButtonSchema>;
