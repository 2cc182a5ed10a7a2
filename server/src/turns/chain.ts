import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import { turns } from '../db/schema';

type Value = number | Placeholder | SQL;

/**
 * A conversation's turns are a chain: `conversations.last_turn_id`, then each turn's `prev_turn_id`
 * (see the turns table in db/schema.ts). These read it; a query uses them as `turns.id in (…)`.
 */

/** `turns.id` is one of the conversation's turns newer than `after` (all of them by default). */
export function inConversation(conversationKey: Value, after: Value = 0): SQL {
  return sql`${turns.id} in (with recursive chain(id) as (
      select last_turn_id from conversations where key = ${conversationKey} and last_turn_id > ${after}
      union all
      select t.prev_turn_id from turns t join chain on t.id = chain.id where t.prev_turn_id > ${after}
    ) select id from chain)`;
}

/** The kinds of turn the customer wrote (the others are system events and notices). */
export const CUSTOMER_KINDS = ['text', 'postback', 'attachment'] as const;

/**
 * `turns.id` is the conversation's latest turn the customer wrote: the walk back stops there, so a
 * long conversation costs no more than its turns since.
 */
export function isLatestFromCustomer(conversationKey: Value): SQL {
  const kinds = sql.join(
    CUSTOMER_KINDS.map((kind) => sql`${kind}`),
    sql`, `,
  );
  return sql`${turns.id} = (with recursive back(id, prev, kind) as (
      select t.id, t.prev_turn_id, t.kind from turns t where t.id = (select last_turn_id from conversations where key = ${conversationKey})
      union all
      select t.id, t.prev_turn_id, t.kind from turns t join back b on t.id = b.prev where b.kind not in (${kinds})
    ) select id from back where kind in (${kinds}) limit 1)`;
}
