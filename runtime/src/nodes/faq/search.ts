import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Analyzer } from './language';
import { type Vocabulary, addWord, correct, newVocabulary } from './vocabulary';

/**
 * FAQ entries as a MiniSearch (BM25) index, and the confidence of a match. One document per entry: the
 * ways to ask it (its question and alternatives) and, weighted low, its answer. A score becomes a
 * confidence in [0, 1]: the share of the best score the question's words could reach that the entry
 * reaches, lowered when a runner-up comes close.
 */

export interface FaqDocument {
  id: string;
  question: string;
  alternatives: readonly string[];
  answer: string;
}

export interface FaqIndex {
  search: MiniSearch<IndexedDocument>;
  analyzer: Analyzer;
  vocabulary: Vocabulary;
  /** Position of each entry, so ties go to the entry listed first. */
  order: ReadonlyMap<string, number>;
  /** What a word no entry uses weighs: as much as the rarest word the FAQ knows could score. */
  unknownTermScore: number;
}

export interface Ranking {
  /** Most likely first. */
  candidates: Candidate[];
  /** The runner-up's score over the best one's: near 1, the question fits both about as well. */
  closeness: number;
  /**
   * Whether the question cannot tell the best entry from the runner-up: they score within 10%, or the
   * runner-up matches every word the best one matches and scores at least half as much ("is it free?"
   * when two entries say "free").
   */
  ambiguous: boolean;
  /**
   * Whether the FAQ knows what is asked about: not when the only words it knows are shared by the best
   * entry and the runner-up, and make less than half the question ("can I bring my surfboard?" when
   * three entries say "bring").
   */
  offTopic: boolean;
}

export interface Candidate {
  id: string;
  /** 0 (nothing in common) to 1 (every word of the question, as well as any entry could match it). */
  confidence: number;
}

interface IndexedDocument {
  id: string;
  phrasings: string;
  answer: string;
}

const FIELDS = ['phrasings', 'answer'];
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** The ways customers ask count; the answer only tips the balance ("can I charge my electric car"). */
const BOOST = { phrasings: 1, answer: 0.15 };
/** How much a runner-up scoring as high as the best lowers its confidence (less when further behind). */
const RUNNER_UP_PENALTY = 0.3;
/** Runner-ups this close (as a share of the best score) make the question ambiguous... */
const CLOSE_RUNNER_UP = 0.9;
/** ...and from this close, when they match the same words. */
const SAME_WORDS_RUNNER_UP = 0.5;
/** Below this share of the question's best possible score, words several entries share say nothing. */
const OFF_TOPIC_COVERAGE = 0.5;

// Queries arrive as analysed terms, with their own weights: MiniSearch takes them as they are.
const EXACT: SearchOptions = { fields: FIELDS, boost: BOOST, bm25: BM25, tokenize: (text) => [text], processTerm: (term) => term };

/** Answers are templates: their {{variables}} are not words customers use. */
const withoutTemplates = (text: string): string => text.replace(/\{\{[^}]*\}\}/g, ' ');

export function buildFaqIndex(documents: readonly FaqDocument[], analyzer: Analyzer): FaqIndex {
  const vocabulary = newVocabulary();
  const search = new MiniSearch<IndexedDocument>({
    fields: FIELDS,
    tokenize: (text) => analyzer.words(text),
    processTerm: (word) => {
      const term = analyzer.term(word);
      if (term !== null) addWord(vocabulary, word, term);
      return term;
    },
    searchOptions: EXACT,
  });
  search.addAll(documents.map((d) => ({ id: d.id, phrasings: [d.question, ...d.alternatives].join('\n'), answer: withoutTemplates(d.answer) })));
  const n = Math.max(documents.length, 1);
  const rarest = Math.log(1 + (n - 1 + 0.5) / (1 + 0.5));
  // Once in an average-length field: BM25's score for the rarest word.
  const unknownTermScore = rarest * (BM25.d + 1) * BOOST.phrasings;
  return { search, analyzer, vocabulary, order: new Map(documents.map((d, i) => [d.id, i])), unknownTermScore };
}

interface QueryTerm {
  term: string;
  /** 1 as typed; less for a corrected or completed word. */
  weight: number;
}

/**
 * The question's terms as the FAQ knows them, and how many words it has that the FAQ does not know.
 * Numbers the FAQ does not use ("at 9am", "until 11") are left out rather than counted as unknown.
 */
function readQuestion(index: FaqIndex, question: string): { terms: QueryTerm[]; unknown: number } {
  const weights = new Map<string, number>();
  const unknownWords = new Set<string>();
  const words = index.analyzer.words(question);
  // "check out" and "wi fi" also read as the FAQ's "checkout" and "wifi".
  const joined = words.flatMap((word, i) => {
    const pair = word + (words[i + 1] ?? '');
    return i + 1 < words.length && index.vocabulary.words.has(pair) ? [pair] : [];
  });
  for (const word of [...words, ...joined]) {
    const term = index.analyzer.term(word);
    if (term === null) continue;
    const read = index.vocabulary.terms.has(term) ? { term, weight: 1 } : /\d/.test(word) ? undefined : correct(index.vocabulary, word);
    if (read) weights.set(read.term, Math.max(weights.get(read.term) ?? 0, read.weight));
    else if (!/\d/.test(word)) unknownWords.add(term);
  }
  return { terms: [...weights].map(([term, weight]) => ({ term, weight })), unknown: unknownWords.size };
}

const NOTHING: Ranking = { candidates: [], closeness: 0, ambiguous: false, offTopic: false };

/** The best entries for a question with their confidence; no candidates when nothing is shared. */
export function rankQuestion(index: FaqIndex, question: string, limit = 3): Ranking {
  const { terms, unknown } = readQuestion(index, question);
  if (terms.length === 0) return NOTHING;
  // The best each word could score in any entry, as typed: the question's best possible score.
  let bestPossible = unknown * index.unknownTermScore;
  for (const { term } of terms) bestPossible += index.search.search(term)[0]?.score ?? 0;
  const weightOf = new Map(terms.map((t) => [t.term, t.weight]));
  const results = index.search.search({ queries: terms.map((t) => t.term), combineWith: 'OR' }, { boostTerm: (term) => weightOf.get(term) ?? 1 });
  // MiniSearch multiplies a summed score by how many of the question's words matched; the sum is what
  // compares with the best possible.
  const ranked = results
    .map((r) => ({ id: String(r.id), score: r.score / r.queryTerms.length, terms: r.queryTerms }))
    .sort((a, b) => b.score - a.score || (index.order.get(a.id) ?? 0) - (index.order.get(b.id) ?? 0));
  const [top, second] = ranked;
  if (!top) return NOTHING;
  const closeness = second ? second.score / top.score : 0;
  const sharedOnly = second !== undefined && closeness >= SAME_WORDS_RUNNER_UP && top.terms.every((term) => second.terms.includes(term));
  const ambiguous = closeness >= CLOSE_RUNNER_UP || sharedOnly;
  const offTopic = sharedOnly && top.score / bestPossible < OFF_TOPIC_COVERAGE;
  const candidates = ranked.slice(0, limit).map((r, i) => {
    // The runner-up lowers the best match's confidence; the others are below the best by definition.
    const penalty = RUNNER_UP_PENALTY * (i === 0 ? closeness ** 2 : 1);
    return { id: r.id, confidence: Math.min(1, r.score / bestPossible) * (1 - penalty) };
  });
  return { candidates, closeness, ambiguous, offTopic };
}
