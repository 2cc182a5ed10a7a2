import type { Inbound } from '@parley/shared';
import type { ConversationAddress } from './load';
import type { TurnOutcome, TurnPipeline } from './pipeline';

/** Who follows committed turns from outside the flow: the inbox, the web widget's live stream. */
export interface TurnListener {
  /** A customer's message (or any inbound by address) was answered; `duplicate` ones ran nothing. */
  received?(address: ConversationAddress, inbound: Inbound, outcome: TurnOutcome): void;
  /** A system event (payment, timer, release) ran in a conversation. */
  delivered?(conversationId: string, inbound: Inbound, outcome: TurnOutcome): void;
  /** Replies were sent from outside the flow. */
  notified?(conversationId: string, outcome: TurnOutcome): void;
}

/**
 * The pipeline, telling every listener of each committed turn, in the order given. One wrapper
 * however many listen: each wrapper was one more async call on every customer's message.
 */
export function withTurnListeners(pipeline: TurnPipeline, listeners: TurnListener[]): TurnPipeline {
  return {
    // Not async, as the pipeline's path it continues (see `runAndCommit`): a customer's message is the hot path.
    receive: (address, inbound, externalId) =>
      pipeline.receive(address, inbound, externalId).then((outcome) => {
        if (outcome.ok) for (const listener of listeners) listener.received?.(address, inbound, outcome.value);
        return outcome;
      }),
    async deliver(conversationId, inbound, guard) {
      const outcome = await pipeline.deliver(conversationId, inbound, guard);
      if (outcome.ok) for (const listener of listeners) listener.delivered?.(conversationId, inbound, outcome.value);
      return outcome;
    },
    async notify(conversationId, replies, notice) {
      const outcome = await pipeline.notify(conversationId, replies, notice);
      if (outcome.ok) for (const listener of listeners) listener.notified?.(conversationId, outcome.value);
      return outcome;
    },
  };
}
