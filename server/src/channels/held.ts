import { type Reply, replySchema } from '@parley/shared';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Store } from '../db/open';
import { conversations, turns } from '../db/schema';
import { readJson } from '../turns/load';

const CUSTOMER_KINDS = new Set(['text', 'postback', 'attachment']);
const repliesSchema = z.array(replySchema);

/**
 * Replies a channel that can only answer its webhook (KakaoTalk's skill server) could not deliver:
 * those of system turns (payment, timer, release) between the customer's previous message and the
 * one just answered. The turn log holds them, so they go out with that answer, oldest first, once.
 */
export function heldReplies({ db }: Store, conversationId: string): Reply[] {
  const rows = db
    .select({ kind: turns.kind, replies: turns.replies })
    .from(turns)
    .innerJoin(conversations, eq(conversations.key, turns.conversationKey))
    .where(eq(conversations.id, conversationId))
    .orderBy(desc(turns.id))
    .limit(100)
    .all();
  const latest = rows.findIndex((row) => CUSTOMER_KINDS.has(row.kind));
  if (latest === -1) return [];
  const held: Reply[] = [];
  for (const row of rows.slice(latest + 1)) {
    if (CUSTOMER_KINDS.has(row.kind)) break;
    held.unshift(...(readJson(repliesSchema, row.replies) ?? []));
  }
  return held;
}
