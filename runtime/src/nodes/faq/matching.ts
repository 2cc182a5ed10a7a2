import { type FaqEntry, faqEntriesFor, primaryLanguage } from '@parley/shared';
import type { FaqConfig } from './config';
import { analyzerFor } from './language';
import { type FaqIndex, buildFaqIndex, rankQuestion } from './search';

export interface Suggestion {
  id: string;
  score: number;
}

/** What to do with a question: answer it, offer "Did you mean…?", or admit there is no answer. */
export type Match =
  | { kind: 'answer'; id: string; score: number }
  | { kind: 'suggest'; suggestions: Suggestion[]; score: number }
  | { kind: 'none'; closestId: string | null; score: number };

/** The entries one node answers from in one language, indexed for search. */
export interface NodeFaq {
  byId: ReadonlyMap<string, FaqEntry>;
  index: FaqIndex;
}

// The table is parsed once per loaded flow; each node's part of it (its tags, the conversation's
// language) is indexed on first use and kept with the table, so a turn only searches.
const cache = new WeakMap<readonly FaqEntry[], Map<string, NodeFaq>>();

export function nodeFaqOf(table: readonly FaqEntry[], filter: { tags: readonly string[]; language: string; locale: string }): NodeFaq {
  let byFilter = cache.get(table);
  if (!byFilter) {
    byFilter = new Map();
    cache.set(table, byFilter);
  }
  const key = `${primaryLanguage(filter.language)}\u0000${primaryLanguage(filter.locale)}\u0000${filter.tags.join('\u0000')}`;
  let found = byFilter.get(key);
  if (!found) {
    const { entries, language } = faqEntriesFor(table, filter);
    const documents = entries.map((e) => ({ id: e.id, question: e.question, alternatives: e.alternatives, answer: e.answer.text }));
    found = { byId: new Map(entries.map((e) => [e.id, e])), index: buildFaqIndex(documents, analyzerFor(language)) };
    byFilter.set(key, found);
  }
  return found;
}

const rounded = (score: number): number => Math.round(score * 1000) / 1000;

/** Decides between answering, suggesting and no match, from the node's threshold and suggestion floor. */
export function matchQuestion(data: FaqConfig, faq: NodeFaq, question: string): Match {
  const { candidates, ambiguous, offTopic } = rankQuestion(faq.index, question);
  const best = candidates[0];
  if (!best) return { kind: 'none', closestId: null, score: 0 };
  const score = rounded(best.confidence);
  if (offTopic) return { kind: 'none', closestId: best.id, score };
  if (best.confidence >= data.threshold && (!ambiguous || !data.didYouMean)) return { kind: 'answer', id: best.id, score };
  // A sure match with a close runner-up is offered with it, whatever the floor.
  const floor = Math.min(data.suggestFrom, data.threshold);
  const suggestions = data.didYouMean ? candidates.filter((c) => c.confidence >= floor).map((c) => ({ id: c.id, score: rounded(c.confidence) })) : [];
  return suggestions.length > 0 ? { kind: 'suggest', suggestions, score } : { kind: 'none', closestId: best.id, score };
}
