import { type FaqButton, type FaqEntry, faqEntryId, isLinkTarget } from '@parley/shared';

/** Lower-cased, accents off: how the search box compares. */
const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Entries whose question, phrasings, answer, tags or id contain every word of the query. */
export function filterEntries(entries: readonly FaqEntry[], query: string): FaqEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = fold([entry.id, entry.question, ...entry.alternatives, entry.answer.text, ...entry.tags].join('\n'));
    return words.every((word) => text.includes(word));
  });
}

/** A readable id for a new entry, unique among `taken` (shared with the CSV import). */
export const entryId = faqEntryId;

export function newEntry(taken: ReadonlySet<string>, init: { question?: string; alternatives?: string[] } = {}): FaqEntry {
  const question = init.question ?? '';
  return { id: entryId(question, taken), question, alternatives: init.alternatives ?? [], answer: { text: '', buttons: [] }, tags: [], enabled: true };
}

/** One item a line: phrasings. */
export const linesToList = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter(Boolean);
/** Comma-separated: tags. */
export const commasToList = (text: string): string[] => text.split(',').map((item) => item.trim()).filter(Boolean);

const ARROW = '=>';
export const buttonsToText = (buttons: readonly FaqButton[]): string => buttons.map((b) => `${b.title} ${ARROW} ${b.url ?? b.payload ?? ''}`).join('\n');

/** "Title => payload" or "Title => https://link", one a line; a line without "=>" is a button whose payload is its title. */
export function textToButtons(text: string): FaqButton[] {
  return linesToList(text).map((line) => {
    const at = line.indexOf(ARROW);
    const title = (at < 0 ? line : line.slice(0, at)).trim();
    const target = at < 0 ? title : line.slice(at + ARROW.length).trim();
    return isLinkTarget(target) ? { title, url: target } : { title, payload: target };
  });
}
