import { faqEntrySchema } from '@parley/shared';
import { z } from 'zod';
import { problemSchema } from '../api/bots';
import { type ApiError, download, request } from '../api/http';

const enc = encodeURIComponent;
const faqPath = (botId: string) => `/api/bots/${enc(botId)}/faq`;

const faqViewSchema = z.object({ faq: z.array(faqEntrySchema), revision: z.number(), problems: z.array(problemSchema) });
export type FaqView = z.infer<typeof faqViewSchema>;
const savedSchema = z.object({ revision: z.number(), problems: z.array(problemSchema) });
export type FaqSaved = z.infer<typeof savedSchema>;

export const getFaq = (botId: string) => request('GET', faqPath(botId), faqViewSchema);
export const saveFaq = (botId: string, faq: unknown[], revision: number) => request('PUT', faqPath(botId), savedSchema, { body: { faq, revision } });
export const exportFaqCsv = (botId: string) => download(`${faqPath(botId)}.csv`);
export const importFaqCsv = (botId: string, text: string, mode: 'merge' | 'replace', revision: number) =>
  request('POST', `${faqPath(botId)}/import?mode=${mode}&revision=${revision}`, z.object({ added: z.number(), updated: z.number(), revision: z.number() }), {
    raw: { text, contentType: 'text/csv' },
  });

const groupSchema = z.object({
  key: z.string(),
  count: z.number(),
  lastAskedAt: z.string(),
  examples: z.array(z.string()),
  closest: z.object({ id: z.string(), question: z.string() }).nullable(),
});
export type UnansweredGroup = z.infer<typeof groupSchema>;
export const listUnanswered = (botId: string) => request('GET', `${faqPath(botId)}/unanswered`, z.object({ groups: z.array(groupSchema) }));
export const dismissUnanswered = (botId: string, key: string) => request('POST', `${faqPath(botId)}/unanswered/dismiss`, z.object({ dismissed: z.string() }), { body: { key } });

const rowProblemSchema = z.object({ row: z.number(), field: z.string(), message: z.string() });
/** The per-row problems of a refused CSV import (400 `invalid_faq`); empty for any other error. */
export function faqRowProblemsOf(error: ApiError) {
  if (error.code !== 'invalid_faq') return [];
  const parsed = z.array(rowProblemSchema).safeParse(error.details);
  return parsed.success ? parsed.data : [];
}
