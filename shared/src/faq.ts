import { z } from 'zod';

/**
 * A bot's FAQ: one table of questions and answers that every FAQ node reads (filtered by its tags and
 * the conversation's language). It lives in the flow file, so it goes live with Publish like the graph.
 */

/** A web link, or one built from a variable (`{{parley.publicUrl}}/menu.png`). */
const LINK = /^(https?:\/\/\S+|\{\{[^}]+\}\}\/\S*)$/i;

/** Whether a button's target is a link (else it is a payload), as CSV and the editor read "Title => target". */
export const isLinkTarget = (target: string): boolean => LINK.test(target);

/** A button under an answer: a payload the flow receives, or a web page it opens. */
export const faqButtonSchema = z
  .object({
    title: z.string().trim().min(1, 'a button needs a title').max(100),
    payload: z.string().trim().min(1).max(1_000).optional(),
    url: z.string().trim().regex(LINK, 'a button link starts with http:// or https:// (or {{parley.publicUrl}}/)').optional(),
  })
  .refine((button) => (button.payload === undefined) !== (button.url === undefined), { message: 'a button has either a payload or a link, not both', path: ['url'] });

export const faqAnswerSchema = z.object({
  // Empty while being written: a draft keeps it, validateFlow reports it, nodes skip it.
  text: z.string().trim().max(4_096).meta({ label: 'Answer', widget: 'template' }),
  buttons: z.array(faqButtonSchema).max(10, 'an answer has at most 10 buttons').default([]).meta({ label: 'Buttons', widget: 'list' }),
  imageUrl: z.string().trim().regex(LINK, 'the image link starts with http:// or https:// (or {{parley.publicUrl}}/)').optional().meta({ label: 'Image', widget: 'url' }),
});

/** BCP 47 tag such as `en`, `pt-BR`. */
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const faqEntrySchema = z.object({
  id: z.string().trim().min(1, 'every entry needs an id').max(200).meta({ label: 'Id' }),
  question: z.string().trim().max(500).meta({ label: 'Question' }),
  alternatives: z
    .array(z.string().trim().max(500))
    .max(50)
    .default([])
    .meta({ label: 'Other ways to ask', widget: 'list', help: 'Phrasings customers use, e.g. "wifi password" or "can I bring my dog".' }),
  answer: faqAnswerSchema,
  tags: z.array(z.string().trim().min(1, 'a tag cannot be empty').max(50)).max(20).default([]).meta({ label: 'Tags', widget: 'list' }),
  language: z.string().trim().regex(LANGUAGE, 'the language is a code such as en or pt-BR').optional().meta({ label: 'Language' }),
  enabled: z.boolean().default(true).meta({ label: 'Enabled', widget: 'checkbox' }),
});

export const faqTableSchema = z.array(faqEntrySchema).max(5_000, 'an FAQ holds at most 5,000 entries');

export type FaqEntry = z.infer<typeof faqEntrySchema>;
export type FaqEntryInput = z.input<typeof faqEntrySchema>;
export type FaqAnswer = z.infer<typeof faqAnswerSchema>;
export type FaqButton = z.infer<typeof faqButtonSchema>;

/** The language part of a tag, lower-cased: `pt-BR` → `pt`. */
export const primaryLanguage = (tag: string): string => (tag.split('-')[0] ?? tag).toLowerCase();

/** Whether an entry can be answered: enabled, with a question and an answer written. */
export const isAnswerable = (entry: FaqEntry): boolean => entry.enabled && entry.question !== '' && entry.answer.text !== '';

/** `What time is check-in?` → `what-time-is-check-in`: an id for a new entry, unlike any in `taken`. */
export function faqEntryId(question: string, taken: ReadonlySet<string>): string {
  const base =
    question
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40)
      .replace(/-$/, '') || 'entry';
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

/** Row indexes of entries whose id an earlier entry already has. */
export function duplicateFaqIds(entries: readonly { id: string }[]): number[] {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  entries.forEach((entry, index) => {
    if (seen.has(entry.id)) duplicates.push(index);
    seen.add(entry.id);
  });
  return duplicates;
}

/**
 * The entries a node answers from: answerable, carrying one of the tags it filters on (any entry when it names none), and in the conversation's
 * language (entries without one fit any). When no entry has that language, the bot's own locale is used.
 */
export function faqEntriesFor(table: readonly FaqEntry[], filter: { tags: readonly string[]; language: string; locale: string }): { entries: FaqEntry[]; language: string } {
  const tagged = table.filter((entry) => isAnswerable(entry) && (filter.tags.length === 0 || filter.tags.some((tag) => entry.tags.includes(tag))));
  const wanted = primaryLanguage(filter.language);
  const language = tagged.some((entry) => entry.language !== undefined && primaryLanguage(entry.language) === wanted) ? wanted : primaryLanguage(filter.locale);
  const entries = tagged.filter((entry) => entry.language === undefined || primaryLanguage(entry.language) === language);
  return { entries, language };
}
