import type { JsonValue } from '@parley/shared';
import { and, eq } from 'drizzle-orm';
import type { Store } from '../db/open';
import { conversations, events } from '../db/schema';

export interface ChannelEventRecord {
  botId: string;
  channel: string;
  /** The customer's platform id: the event joins their conversation when there is one. */
  customerId?: string;
  name: string;
  messageId?: string;
  data?: JsonValue;
  now: Date;
}

/** Records what a platform reported (delivered, read, a failed send) as an event; nothing runs. */
export function recordChannelEvent({ db }: Store, record: ChannelEventRecord): void {
  const conversation =
    record.customerId === undefined
      ? undefined
      : db
          .select({ id: conversations.id })
          .from(conversations)
          .where(and(eq(conversations.botId, record.botId), eq(conversations.channel, record.channel), eq(conversations.externalKey, record.customerId)))
          .get();
  const data: Record<string, JsonValue> = { channel: record.channel };
  if (record.customerId !== undefined) data.customerId = record.customerId;
  if (record.messageId !== undefined) data.messageId = record.messageId;
  if (record.data !== undefined) data.detail = record.data;
  db.insert(events)
    .values({ botId: record.botId, conversationId: conversation?.id ?? null, type: `channel.${record.name}`, data: JSON.stringify(data), createdAt: record.now.toISOString() })
    .run();
}
