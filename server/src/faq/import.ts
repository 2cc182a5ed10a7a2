import { type FaqEntry, type FlowProblem, faqEntryId, faqEntrySchema } from '@parley/shared';
import { getDraft } from '../bots/draft';
import type { AppDeps } from '../deps';
import { type Result, fail, ok } from '../errors';
import { type CsvRow, buttonsCell, listCell, readFaqCsv } from './csv';
import { saveFaq } from './table';

/** A problem with one row of an imported file (row 1 is the first entry), naming its column. */
export interface FaqRowProblem {
  row: number;
  field: string;
  message: string;
}

export interface FaqImported {
  added: number;
  updated: number;
  revision: number;
  problems: FlowProblem[];
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/** A zod path inside an entry → the CSV column that holds it. */
function columnOf(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === 'answer') return second === 'text' ? 'answer' : String(second ?? 'answer');
  return String(first ?? '');
}

function entryOf({ row, cells }: CsvRow, id: string, problems: FaqRowProblem[]): FaqEntry | undefined {
  const { buttons, problem } = buttonsCell(cells.buttons);
  if (problem) problems.push({ row, field: 'buttons', message: problem });
  const enabledText = (cells.enabled ?? '').toLowerCase();
  if (enabledText !== '' && !TRUE.has(enabledText) && !FALSE.has(enabledText)) problems.push({ row, field: 'enabled', message: `enabled must be true or false, not "${cells.enabled}"` });
  // An imported entry is meant to be answered: unlike a draft row being typed, it needs both texts.
  if (!cells.question) problems.push({ row, field: 'question', message: 'every entry needs its question' });
  if (!cells.answer) problems.push({ row, field: 'answer', message: 'every entry needs its answer' });
  const parsed = faqEntrySchema.safeParse({
    id,
    question: cells.question ?? '',
    alternatives: listCell(cells.alternatives),
    answer: { text: cells.answer ?? '', buttons, ...(cells.imageUrl ? { imageUrl: cells.imageUrl } : {}) },
    tags: listCell(cells.tags),
    ...(cells.language ? { language: cells.language } : {}),
    enabled: !FALSE.has(enabledText),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ row, field: columnOf(issue.path), message: issue.message });
    return undefined;
  }
  return parsed.data;
}

/**
 * Imports a CSV file into the draft's FAQ table, all rows or none. `merge` updates the entries whose id a
 * row names and adds the others; `replace` makes the file the whole table.
 */
export function importFaqCsv(deps: AppDeps, botId: string, body: string, mode: 'merge' | 'replace', revision?: number): Result<FaqImported> {
  const draft = getDraft(deps, botId);
  if (!draft.ok) return draft;
  const rows = readFaqCsv(body);
  if (!rows.ok) return rows;
  if (rows.value.length === 0) return fail({ status: 400, code: 'invalid_csv', message: 'The file has a header row but no entries.' });
  const problems: FaqRowProblem[] = [];
  const current = mode === 'merge' ? draft.value.flow.faq : [];
  const taken = new Set([...current.map((e) => e.id), ...rows.value.flatMap((r) => (r.cells.id ? [r.cells.id] : []))]);
  const seen = new Map<string, number>();
  const entries: FaqEntry[] = [];
  for (const row of rows.value) {
    // A row without an id gets one from its question, unlike any other in the table or the file.
    const id = row.cells.id || faqEntryId(row.cells.question ?? '', taken);
    taken.add(id);
    const entry = entryOf(row, id, problems);
    if (!entry) continue;
    const earlier = seen.get(entry.id);
    if (earlier !== undefined) problems.push({ row: row.row, field: 'id', message: `row ${earlier} already has the id "${entry.id}"` });
    seen.set(entry.id, row.row);
    entries.push(entry);
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.row - b.row);
    const first = problems[0];
    const message = `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}, first in row ${first?.row ?? ''} (${first?.field ?? ''}): ${first?.message ?? ''}.`;
    return fail({ status: 400, code: 'invalid_faq', message, field: first?.field, details: problems });
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  const currentIds = new Set(current.map((e) => e.id));
  const table = [...current.map((e) => byId.get(e.id) ?? e), ...entries.filter((e) => !currentIds.has(e.id))];
  const before = new Set(draft.value.flow.faq.map((e) => e.id));
  const updated = entries.filter((e) => before.has(e.id)).length;
  const saved = saveFaq(deps, botId, table, revision ?? draft.value.revision);
  if (!saved.ok) return saved;
  return ok({ added: entries.length - updated, updated, revision: saved.value.revision, problems: saved.value.problems });
}
