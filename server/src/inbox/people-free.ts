import type { Store } from '../db/open';
import { perStore } from '../db/per-store';

/**
 * Conversations known to have no open or unannounced hand-off, so that the inbox's after-turn work
 * costs no query on the turns that involve no person (most of them). Hand-offs are only ever written
 * by turns, and the turn writer forgets the conversation when it writes one (`forgetPeopleFree`), by
 * whatever path the turn came (routes, scheduler, CLI). Bounded: the oldest are forgotten first, and
 * a forgotten conversation is only looked up again.
 */
const KEPT = 100_000;

interface PeopleFree {
  known: Set<string>;
  hasOpenHandoff: (conversationId: string) => boolean;
}

const peopleFree = perStore((store: Store): PeopleFree => {
  const statement = store.sqlite
    .prepare<[string], number>("select 1 from handoffs where conversation_id = ? and (announced_at is null or status in ('waiting', 'assigned')) limit 1")
    .pluck();
  return { known: new Set(), hasOpenHandoff: (conversationId) => statement.get(conversationId) !== undefined };
});

/** Whether the conversation has no open or unannounced hand-off (from memory when known). */
export function isPeopleFree(store: Store, conversationId: string): boolean {
  const { known, hasOpenHandoff } = peopleFree(store);
  if (known.has(conversationId)) return true;
  if (hasOpenHandoff(conversationId)) return false;
  remember(known, conversationId);
  return true;
}

function remember(known: Set<string>, conversationId: string): void {
  known.add(conversationId);
  if (known.size > KEPT) {
    const oldest = known.values().next();
    if (!oldest.done) known.delete(oldest.value);
  }
}

/** A conversation its first turn created without a hand-off has none: known without a lookup. */
export function rememberPeopleFree(store: Store, conversationId: string): void {
  remember(peopleFree(store).known, conversationId);
}

/** A hand-off was written for the conversation: it is looked up again after its turn. */
export function forgetPeopleFree(store: Store, conversationId: string): void {
  peopleFree(store).known.delete(conversationId);
}
