import type { FaqConfig } from './config';
import { type Analyzer, analyzerFor } from './language';
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

// Entries are parsed once per bound flow; the index for a language is built on first use and kept with
// them, so a turn only searches.
const indexes = new WeakMap<FaqConfig['entries'], Map<Analyzer, FaqIndex>>();

export function faqIndexOf(entries: FaqConfig['entries'], locale: string): FaqIndex {
  const analyzer = analyzerFor(locale);
  let byLanguage = indexes.get(entries);
  if (!byLanguage) {
    byLanguage = new Map();
    indexes.set(entries, byLanguage);
  }
  let index = byLanguage.get(analyzer);
  if (!index) {
    index = buildFaqIndex(entries.filter((e) => e.enabled), analyzer);
    byLanguage.set(analyzer, index);
  }
  return index;
}

const rounded = (score: number): number => Math.round(score * 1000) / 1000;

/** Decides between answering, suggesting and no match, from the node's threshold and suggestion floor. */
export function matchQuestion(data: FaqConfig, locale: string, question: string): Match {
  const { candidates, ambiguous, offTopic } = rankQuestion(faqIndexOf(data.entries, locale), question);
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
