import { z } from 'zod';
import { jsonValueSchema, variablesSchema } from './json';

/**
 * Where one conversation stands in its flow. Small and plain JSON: stored after every turn.
 * The flow itself is never copied in; the server pins the flow version beside the session.
 */
export const sessionSchema = z.object({
  status: z.enum(['active', 'ended']),
  /** The node waiting for the customer or for a system event; null before the first turn. */
  waitingAt: z.string().nullable(),
  /** The waiting node's own state (retries, quiz answers so far, the effect it waits for). */
  state: jsonValueSchema,
  /** While true a person owns the conversation: the bot stays silent and keywords do not fire. */
  silent: z.boolean().default(false),
  vars: variablesSchema,
  turns: z.number().int().min(0),
  startedAt: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;
