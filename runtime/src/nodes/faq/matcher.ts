import { fold } from '../../text';

/**
 * A small ranked matcher for FAQ questions: folded words minus stop words, lightly stemmed, compared by
 * TF-IDF cosine (with BM25's idf) against each phrasing of each entry.
 * Scores run from 0 (nothing shared) to 1 (the same words).
 */

const STOP_WORDS = new Set(
  (
    'a about above after again all am an and any anything are as at be been before being below between both but by can cant ' +
    'could did didnt do does doesnt doing dont down during each few for from further get got had has have having he hello her ' +
    'here hers hey hi him his how i id if im in into is isnt it its ive just know let lets like me more most my myself need no ' +
    'nor not of off on once only or other our ours out over own please same she should so some somewhere something such tell ' +
    'than thank thanks that thats the their them then there theres these they this those through to too under until up very ' +
    'want was we were what whats when where which while who whom why will with would you youre your yours'
  ).split(' '),
);

/** Drops one of a doubled final consonant left by a suffix ("swimm" → "swim"), keeping ll/ss/zz ("call"). */
function undouble(word: string): string {
  const last = word.at(-1);
  return last !== undefined && last === word.at(-2) && !'lsz'.includes(last) && !'aeiou'.includes(last) ? word.slice(0, -1) : word;
}

/** A light suffix stemmer: enough that "parking"/"park", "pets"/"pet" and "served"/"serves" meet. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length >= 6) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length >= 5) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ly') && w.length >= 7) w = w.slice(0, -2);
  else if (/(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // "serve", "served" and "serving" all end as "serv".
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The words that carry meaning. "Wi-Fi" also yields "wifi", "check-in" both "checkin" and "check". */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const add = (word: string): void => {
    if (word !== '' && !STOP_WORDS.has(word)) tokens.push(stem(word));
  };
  for (const word of fold(text).replace(/['’]/g, '').split(/[^\p{L}\p{N}-]+/u)) {
    const parts = word.split('-').filter((part) => part !== '');
    if (parts.length > 1) {
      add(parts.join(''));
      for (const part of parts) if (part.length >= 3) add(part);
    } else if (parts[0] !== undefined) add(parts[0]);
  }
  return tokens;
}

export interface MatchDocument {
  id: string;
  phrases: readonly string[];
}

interface Posting {
  phrase: number;
  weight: number;
}

export interface MatchIndex {
  ids: readonly string[];
  /** Which document each phrase belongs to, and the length of its vector. */
  phraseDoc: readonly number[];
  phraseNorm: readonly number[];
  postings: ReadonlyMap<string, readonly Posting[]>;
  idf: ReadonlyMap<string, number>;
  /** Weight of a word no entry uses: as rare as the rarest known word. */
  unknownIdf: number;
}

function counts(tokens: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const token of tokens) tf.set(token, (tf.get(token) ?? 0) + 1);
  return tf;
}

/** Document frequency counts entries, not phrasings, so many alternatives do not make an entry's own words common. */
export function buildIndex(documents: readonly MatchDocument[]): MatchIndex {
  const phrases: { doc: number; tf: Map<string, number> }[] = [];
  const df = new Map<string, number>();
  documents.forEach((document, doc) => {
    const seen = new Set<string>();
    for (const phrase of document.phrases) {
      const tf = counts(tokenize(phrase));
      if (tf.size === 0) continue;
      phrases.push({ doc, tf });
      for (const term of tf.keys()) seen.add(term);
    }
    for (const term of seen) df.set(term, (df.get(term) ?? 0) + 1);
  });
  const n = documents.length;
  // BM25's idf: a word most entries share weighs next to nothing, so "free" alone does not pick an entry.
  const idfOf = (count: number): number => Math.log(1 + (n - count + 0.5) / (count + 0.5));
  const idf = new Map<string, number>();
  for (const [term, count] of df) idf.set(term, idfOf(count));
  const postings = new Map<string, Posting[]>();
  const phraseNorm: number[] = [];
  phrases.forEach(({ tf }, phrase) => {
    let squares = 0;
    for (const [term, count] of tf) {
      const weight = count * (idf.get(term) ?? 0);
      squares += weight * weight;
      const list = postings.get(term);
      if (list) list.push({ phrase, weight });
      else postings.set(term, [{ phrase, weight }]);
    }
    phraseNorm.push(Math.sqrt(squares));
  });
  return {
    ids: documents.map((d) => d.id),
    phraseDoc: phrases.map((p) => p.doc),
    phraseNorm,
    postings,
    idf,
    unknownIdf: idfOf(1),
  };
}

export interface Match {
  /** The best document, even when its score is low; undefined when no word is shared. */
  id: string | undefined;
  score: number;
}

/** The document whose closest phrasing best matches the text; ties go to the one listed first. */
export function bestMatch(index: MatchIndex, text: string): Match {
  const tf = counts(tokenize(text));
  const dots = new Map<number, number>();
  let squares = 0;
  for (const [term, count] of tf) {
    const weight = count * (index.idf.get(term) ?? index.unknownIdf);
    squares += weight * weight;
    for (const posting of index.postings.get(term) ?? []) dots.set(posting.phrase, (dots.get(posting.phrase) ?? 0) + weight * posting.weight);
  }
  const queryNorm = Math.sqrt(squares);
  let best: Match = { id: undefined, score: 0 };
  let bestPhrase = Infinity;
  for (const [phrase, dot] of dots) {
    const norm = (index.phraseNorm[phrase] ?? 0) * queryNorm;
    const score = norm > 0 ? Math.min(1, dot / norm) : 0;
    const doc = index.phraseDoc[phrase] ?? 0;
    if (score > best.score || (score === best.score && score > 0 && phrase < bestPhrase)) {
      best = { id: index.ids[doc], score };
      bestPhrase = phrase;
    }
  }
  return best;
}
