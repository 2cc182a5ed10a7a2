import { z } from 'zod';
import { jsonValueSchema } from './json';

/** What happened during a turn that is worth recording: for analytics, the inbox and webhooks. */
export const turnEventSchema = z.object({
  type: z.string(),
  nodeId: z.string().optional(),
  data: jsonValueSchema.optional(),
});
export type TurnEvent = z.infer<typeof turnEventSchema>;

/** Event types the engine itself emits; nodes may emit their own (`handoff.requested`, `faq.unanswered`, ...). */
export const ENGINE_EVENTS = {
  sessionStarted: 'session.started',
  sessionEnded: 'session.ended',
  triggerMatched: 'trigger.matched',
  nodeError: 'node.error',
  loopStopped: 'flow.loop_stopped',
  deadEnd: 'flow.dead_end',
} as const;
