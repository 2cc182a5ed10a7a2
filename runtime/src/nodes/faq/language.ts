import { newStemmer } from 'snowball-stemmers';
import stopwords from 'stopword';
import { fold } from '../../text';

/**
 * How FAQ text becomes search terms in one language: folded words (case and accents ignored), minus
 * stop words, stemmed with the Snowball stemmer of that language, so "parking" meets "park" and
 * "annulation" meets "annuler". Languages without a stemmer here are folded only.
 */
export interface Analyzer {
  /** The Snowball algorithm in use, or undefined when the language has none here. */
  language: string | undefined;
  /** The search terms of a text, in order (duplicates kept). */
  terms(text: string): string[];
  /** One word (already split out) to its term; null for a stop word. */
  term(word: string): string | null;
  /** Splits text into words, as the index and queries both do. */
  words(text: string): string[];
}

/**
 * BCP 47 primary language → Snowball algorithm, the `stopword` package's list, and the words chats add
 * that carry no topic: greetings, politeness, question words the list lacks ("hi, pls, when does…").
 */
const LANGUAGES: Record<string, { stemmer: string; stop: readonly string[]; chat: string }> = {
  en: {
    stemmer: 'english',
    stop: stopwords.eng,
    chat: 'hi hello hey hiya please pls plz thanks thank thx ty ok okay yes no not im ive id dont doesnt isnt arent cant wont didnt don doesn isn aren won didn ll ve re whats hows wheres when why does doing done will shall may anyone just need want know tell',
  },
  fr: { stemmer: 'french', stop: stopwords.fra, chat: 'bonjour bonsoir salut merci svp stp plait oui non estce peut peux puis faut veux voudrais savoir dire quand comment pourquoi combien' },
  de: { stemmer: 'german', stop: stopwords.deu, chat: 'hallo hi guten tag danke bitte ja nein gibt kann konnen' },
  es: { stemmer: 'spanish', stop: stopwords.spa, chat: 'hola buenas gracias favor si no puedo puede hay quiero quisiera saber cuando cuanto donde' },
  pt: { stemmer: 'portuguese', stop: stopwords.por, chat: 'ola obrigado obrigada favor sim nao posso pode quero gostaria saber quando quanto onde' },
  it: { stemmer: 'italian', stop: stopwords.ita, chat: 'ciao buongiorno grazie prego si no posso puo vorrei sapere quando quanto dove' },
  nl: { stemmer: 'dutch', stop: stopwords.nld, chat: 'hallo hoi dank bedankt alstublieft graag ja nee kan wanneer' },
  sv: { stemmer: 'swedish', stop: stopwords.swe, chat: 'hej tack snalla ja nej kan' },
  da: { stemmer: 'danish', stop: stopwords.dan, chat: 'hej tak venligst ja nej kan' },
  nb: { stemmer: 'norwegian', stop: stopwords.nob, chat: 'hei takk vennligst ja nei kan' },
  fi: { stemmer: 'finnish', stop: stopwords.fin, chat: 'hei kiitos kylla ei' },
  ro: { stemmer: 'romanian', stop: stopwords.ron, chat: 'buna multumesc rog da nu' },
  ru: { stemmer: 'russian', stop: stopwords.rus, chat: 'привет здравствуйте спасибо пожалуйста да нет' },
  tr: { stemmer: 'turkish', stop: stopwords.tur, chat: 'merhaba tesekkurler lutfen evet hayir' },
  hu: { stemmer: 'hungarian', stop: stopwords.hun, chat: 'szia koszonom kerem igen nem' },
};
// Norwegian is written "no" as often as "nb".
const ALIASES: Record<string, string> = { no: 'nb', nn: 'nb' };

/** Word characters, with apostrophes and hyphens inside words, e.g. "what's", "check-in". */
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/**
 * "Wi-Fi" yields "wifi" as well as "wi" and "fi", so "wifi" and "wi fi" both meet it; "check-in"
 * yields "checkin", "check", "in". An apostrophe splits ("what's" → "what", "s"; "l'hôtel" → "l",
 * "hotel"): one-letter pieces are dropped, the rest are words.
 */
function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const [token] of fold(text).matchAll(WORD)) {
    for (const piece of token.split(/['’]/)) {
      if (piece.length < 2) continue;
      const parts = piece.split('-').filter((part) => part !== '');
      if (parts.length > 1) words.push(parts.join(''));
      for (const part of parts) if (part.length >= 2) words.push(part);
    }
  }
  return words;
}

const analyzers = new Map<string, Analyzer>();

/** The analyzer for a locale such as "en", "fr-CA" or "pt_BR"; cached, as it holds a stemmer. */
export function analyzerFor(locale: string): Analyzer {
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  // Own keys only: a locale such as "constructor" must not reach Object's prototype.
  const aliased = (Object.hasOwn(ALIASES, primary) ? ALIASES[primary] : undefined) ?? primary;
  const language = Object.hasOwn(LANGUAGES, aliased) ? LANGUAGES[aliased] : undefined;
  // Languages without a stemmer here share one analyzer, so they share one index too.
  const code = language ? aliased : '';
  let analyzer = analyzers.get(code);
  if (!analyzer) {
    analyzer = makeAnalyzer(language);
    analyzers.set(code, analyzer);
  }
  return analyzer;
}

function makeAnalyzer(language: (typeof LANGUAGES)[string] | undefined): Analyzer {
  const stemmer = language ? newStemmer(language.stemmer) : undefined;
  // Lists are folded like the text they are compared with ("être" is "etre" once folded).
  const stop = new Set(language ? [...language.stop.map(fold), ...language.chat.split(' ')] : []);
  const term = (word: string): string | null => {
    if (stop.has(word)) return null;
    // Numbers and codes ("11", "9am", "b12") are kept as written.
    if (!stemmer || /\d/.test(word)) return word;
    return stemmer.stem(word);
  };
  return {
    language: language?.stemmer,
    term,
    words: splitWords,
    terms: (text) => splitWords(text).flatMap((word) => term(word) ?? []),
  };
}
