import { type Flow, replySchema } from '@parley/shared';
import { z } from 'zod';
import { request } from './http';

const pendingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('payment'), paymentId: z.string(), amount: z.number(), currency: z.string(), description: z.string() }),
  z.object({ kind: z.literal('handoff'), queue: z.string() }),
  z.object({ kind: z.literal('timer'), timerId: z.string(), at: z.string() }),
]);
export type PendingItem = z.infer<typeof pendingSchema>;

const answerSchema = z.object({
  chatId: z.string(),
  replies: z.array(replySchema),
  events: z.array(z.object({ type: z.string(), nodeId: z.string().optional(), data: z.unknown().optional() })),
  path: z.array(z.string()),
  session: z.object({ status: z.enum(['active', 'ended']), waitingAt: z.string().nullable(), vars: z.record(z.string(), z.unknown()) }).nullable(),
  onDraft: z.boolean(),
  pending: z.array(pendingSchema),
});
export type TestTurn = z.infer<typeof answerSchema>;

export type TestMessage =
  | { kind: 'text'; text: string }
  | { kind: 'postback'; payload: string; title?: string }
  | { kind: 'payment'; paymentId: string; status: 'paid' | 'failed' | 'expired' }
  | { kind: 'released' }
  | { kind: 'timer'; timerId: string };

const enc = encodeURIComponent;

/** One message to a test conversation on the flow as it is on screen. */
export const sendTestMessage = (botId: string, chatId: string, flow: Flow, message: TestMessage) =>
  request('POST', `/api/bots/${enc(botId)}/test-chat`, answerSchema, { body: { chatId, flow, message } });

export const restartTestChat = (botId: string, chatId: string) => request('DELETE', `/api/bots/${enc(botId)}/test-chat/${enc(chatId)}`, z.object({ deleted: z.boolean() }));
