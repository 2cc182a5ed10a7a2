import type { TurnPipeline } from '../turns/pipeline';
import type { ChannelDispatch } from './dispatch';

/**
 * Replies to system events (a payment's outcome, a release, a timer) and notices (back in stock) have
 * no webhook to answer: on a messaging app's conversation they go out through its channel once the
 * turn has committed. The web channel's customers read them from the messages endpoint instead.
 */
export function pushingSystemReplies(pipeline: TurnPipeline, dispatch: ChannelDispatch): TurnPipeline {
  return {
    receive: (address, inbound, externalId) => pipeline.receive(address, inbound, externalId),
    async deliver(conversationId, inbound, guard) {
      const outcome = await pipeline.deliver(conversationId, inbound, guard);
      if (outcome.ok && outcome.value.replies.length > 0) dispatch.committed(outcome.value.conversationId);
      return outcome;
    },
    async notify(conversationId, replies, notice) {
      const outcome = await pipeline.notify(conversationId, replies, notice);
      if (outcome.ok && outcome.value.replies.length > 0) dispatch.committed(outcome.value.conversationId);
      return outcome;
    },
  };
}
