import type { Reply } from '@parley/shared';
import type { Store } from '../db/open';
import type { ConversationAddress } from '../turns/load';
import { type KeyedQueue, createKeyedQueue } from '../turns/queue';
import type { ConnectionStore } from './connections';
import { recordChannelEvent } from './events';
import type { ChannelRegistry } from './registry';
import type { Recipient, SendIo, SendResult } from './types';

/**
 * Sends committed replies through push channels, one conversation's sends after another in commit
 * order. A failure is recorded as a `channel.send_failed` event with the platform's error. (The
 * durable outbox with retries replaces this in-process queue; see docs/channels.md.)
 */
export interface ChannelDispatch {
  push(address: ConversationAddress, replies: readonly Reply[], context?: Recipient['context']): Promise<SendResult | undefined>;
  /** Settles once every send queued so far has finished (tests, shutdown). */
  idle(): Promise<void>;
}

export interface DispatchDeps {
  registry: ChannelRegistry;
  connections: ConnectionStore;
  store: Store;
  io: SendIo;
  now?: () => Date;
  log?: (message: string) => void;
}

export function createDispatch(deps: DispatchDeps): ChannelDispatch {
  const queue: KeyedQueue = createKeyedQueue();
  const pending = new Set<Promise<unknown>>();
  const clock = deps.now ?? (() => new Date());

  async function send(address: ConversationAddress, replies: readonly Reply[], context: Recipient['context']): Promise<SendResult | undefined> {
    const channel = deps.registry.get(address.channel);
    const stored = deps.connections.get(address.botId, address.channel);
    if (!channel || !stored) return undefined;
    const bound = channel.bind(stored.config);
    if (!bound.ok || !bound.value.send) return undefined;
    let result: SendResult;
    try {
      result = await bound.value.send(replies, { customerId: address.externalKey, ...(context ? { context } : {}) }, deps.io);
    } catch (error) {
      // A channel's bug must not take the queue down: it is recorded like a platform failure.
      result = { ok: false, sent: 0, error: { message: `send failed: ${error instanceof Error ? error.message : String(error)}`, retryable: false } };
    }
    if (!result.ok) {
      const { error, sent } = result;
      deps.log?.(`${address.channel} send to ${address.externalKey} (bot ${address.botId}) failed after ${sent} call(s): ${error.message}`);
      recordChannelEvent(deps.store, {
        botId: address.botId,
        channel: address.channel,
        customerId: address.externalKey,
        name: 'send_failed',
        data: { message: error.message, status: error.status ?? null, retryable: error.retryable, sent },
        now: clock(),
      });
    }
    return result;
  }

  return {
    push(address, replies, context) {
      const key = `${address.botId}\u0000${address.channel}\u0000${address.externalKey}`;
      // Never rejects: whoever pushes after answering its webhook does not wait for the send.
      const task = queue.run(key, () =>
        send(address, replies, context).catch((error: unknown) => {
          deps.log?.(`${address.channel} send could not be recorded: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        }),
      );
      pending.add(task);
      const settle = () => pending.delete(task);
      task.then(settle, settle);
      return task;
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
