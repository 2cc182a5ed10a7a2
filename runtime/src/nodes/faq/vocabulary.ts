import SearchableMap from 'minisearch/SearchableMap';

/**
 * The words an FAQ uses, as written (folded) and as terms, so a customer's misspelt or unfinished word
 * can be read as the FAQ's word it is closest to: "parkng" as "parking", "accessib" as "accessible".
 * Correcting the word before stemming works where fuzzy matching of stems cannot ("parkng" is two edits
 * from the stem "park", one from "parking").
 */
export interface Vocabulary {
  /** Every term in the index. */
  terms: Set<string>;
  /** Each word as folded → its term. */
  words: SearchableMap<string>;
}

export interface Correction {
  term: string;
  /** How sure the reading is, from 1 (as typed) down. */
  weight: number;
}

/** Typos: one edit in words of 5 letters or more, two from 8 ("brekfast", "acessibility"). */
const maxEdits = (word: string): number => (word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0);
/** An unfinished word of at least 5 letters may be the start of a longer one. */
const MIN_PREFIX = 5;
const FUZZY_WEIGHT = 0.75;
const PREFIX_WEIGHT = 0.6;

export function newVocabulary(): Vocabulary {
  return { terms: new Set(), words: new SearchableMap() };
}

export function addWord(vocabulary: Vocabulary, word: string, term: string): void {
  vocabulary.terms.add(term);
  vocabulary.words.set(word, term);
}

/**
 * The FAQ term a word the FAQ does not know most likely stands for: the shortest word it begins, else
 * the closest within the allowed edits (ties to the alphabetically first, so results never depend on
 * insertion order). Undefined when none is near.
 */
export function correct(vocabulary: Vocabulary, word: string): Correction | undefined {
  if (word.length >= MIN_PREFIX) {
    let completion: string | undefined;
    for (const [known] of vocabulary.words.atPrefix(word)) {
      if (known !== word && (completion === undefined || known.length < completion.length || (known.length === completion.length && known < completion)))
        completion = known;
    }
    const term = completion === undefined ? undefined : vocabulary.words.get(completion);
    // Longer completions are less likely what was meant: "rest" is far from "restaurant".
    if (completion !== undefined && term !== undefined) return { term, weight: (PREFIX_WEIGHT * word.length) / completion.length };
  }
  const edits = maxEdits(word);
  if (edits === 0) return undefined;
  let best: { word: string; term: string; distance: number } | undefined;
  for (const [known, [term, distance]] of vocabulary.words.fuzzyGet(word, edits)) {
    if (!best || distance < best.distance || (distance === best.distance && known < best.word)) best = { word: known, term, distance };
  }
  return best && { term: best.term, weight: (FUZZY_WEIGHT * word.length) / (word.length + best.distance - 1) };
}
