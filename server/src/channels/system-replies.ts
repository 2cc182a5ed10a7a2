import type { ConversationAddress } from '../turns/load';
import type { TurnPipeline } from '../turns/pipeline';
import type { ChannelDispatch } from './dispatch';

/**
 * Replies to system events (a payment's outcome, a release, a timer) have no webhook to answer: on a
 * messaging app's conversation they are pushed through its channel once the turn has committed. The
 * web channel's customers read them from the messages endpoint instead.
 */
export function pushingSystemReplies(pipeline: TurnPipeline, deps: { addressOf(conversationId: string): ConversationAddress | undefined; dispatch: ChannelDispatch }): TurnPipeline {
  return {
    receive: (address, inbound, externalId) => pipeline.receive(address, inbound, externalId),
    async deliver(conversationId, inbound, guard) {
      const outcome = await pipeline.deliver(conversationId, inbound, guard);
      if (outcome.ok && outcome.value.replies.length > 0) {
        const address = deps.addressOf(conversationId);
        if (address && address.channel !== 'web') void deps.dispatch.push(address, outcome.value.replies);
      }
      return outcome;
    },
  };
}
