import { isJsonObject } from '@parley/shared';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { findBot } from '../bots/find';
import { storedFlow } from '../bots/flow-input';
import { events } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, fail, ok } from '../errors';
import { normalizeQuestion } from './normalize';

export const UNANSWERED = 'faq.unanswered';
/** Recorded when someone dismisses a question from the list; it comes back only if asked again after. */
export const DISMISSED = 'faq.unanswered_dismissed';
/** The most recent questions read: enough for months of a busy bot, bounded for one request. */
const SCAN_LIMIT = 20_000;
const EXAMPLES = 5;

export interface UnansweredGroup {
  key: string;
  count: number;
  lastAskedAt: string;
  /** Distinct phrasings, most recent first. */
  examples: string[];
  /** The entry that came closest most often, as the draft has it now; null when none did (or it is gone). */
  closest: { id: string; question: string } | null;
}

interface Asked {
  question: string;
  closestId: string | null;
  at: string;
}

function readEvents(deps: AppDeps, botId: string) {
  return deps.store.db
    .select({ type: events.type, data: events.data, createdAt: events.createdAt })
    .from(events)
    .where(and(eq(events.botId, botId), inArray(events.type, [UNANSWERED, DISMISSED])))
    .orderBy(desc(events.id))
    .limit(SCAN_LIMIT)
    .all();
}

function parseData(text: string | null): Record<string, unknown> {
  if (text === null) return {};
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : {};
  } catch {
    return {};
  }
}

/** Questions no FAQ entry answered, grouped; most asked first. Questions asked only before their dismissal are left out. */
export function listUnanswered(deps: AppDeps, botId: string): Result<UnansweredGroup[]> {
  const bot = findBot(deps, botId);
  if (!bot.ok) return bot;
  const dismissedAt = new Map<string, string>();
  const asked = new Map<string, Asked[]>();
  // Newest first: a dismissal hides what came before it.
  for (const row of readEvents(deps, botId)) {
    const data = parseData(row.data);
    if (row.type === DISMISSED) {
      if (typeof data.key === 'string' && !dismissedAt.has(data.key)) dismissedAt.set(data.key, row.createdAt);
      continue;
    }
    if (typeof data.question !== 'string') continue;
    const key = normalizeQuestion(data.question);
    if (key === '' || dismissedAt.has(key)) continue;
    const list = asked.get(key) ?? [];
    list.push({ question: data.question.trim(), closestId: typeof data.closestId === 'string' ? data.closestId : null, at: row.createdAt });
    asked.set(key, list);
  }
  const entries = new Map(storedFlow(bot.value.draft).faq.map((e) => [e.id, e]));
  const groups = [...asked].map(([key, list]): UnansweredGroup => {
    const votes = new Map<string, number>();
    for (const a of list) if (a.closestId !== null) votes.set(a.closestId, (votes.get(a.closestId) ?? 0) + 1);
    const [closestId] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [];
    const entry = closestId === undefined ? undefined : entries.get(closestId);
    return {
      key,
      count: list.length,
      lastAskedAt: list[0]?.at ?? '',
      examples: [...new Set(list.map((a) => a.question))].slice(0, EXAMPLES),
      closest: entry ? { id: entry.id, question: entry.question } : null,
    };
  });
  return ok(groups.sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt)).slice(0, 500));
}

/** Hides a group from the list until the question is asked again. */
export function dismissUnanswered(deps: AppDeps, botId: string, key: string): Result<{ dismissed: string }> {
  const groups = listUnanswered(deps, botId);
  if (!groups.ok) return groups;
  if (!groups.value.some((group) => group.key === key))
    return fail({ status: 404, code: 'not_found', field: 'key', message: `No unanswered question "${key}" is on the list (already dismissed, or never asked).` });
  deps.store.db.insert(events).values({ botId, type: DISMISSED, data: JSON.stringify({ key }), createdAt: deps.now().toISOString() }).run();
  return ok({ dismissed: key });
}
