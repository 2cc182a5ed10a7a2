import { type FaqEntry, escapeFormulaCell, isLinkTarget, unescapeFormulaCell } from '@parley/shared';
import { parse } from 'csv-parse/sync';
import { type AppError, type Result, fail, ok } from '../errors';

/**
 * The FAQ table as CSV, one entry a row, for spreadsheets: lists (other phrasings, tags, buttons) sit in
 * one cell separated by "|", and a button is "Title => payload" or "Title => https://link".
 */
export const FAQ_COLUMNS = ['id', 'question', 'alternatives', 'answer', 'buttons', 'imageUrl', 'tags', 'language', 'enabled'] as const;
export type FaqColumn = (typeof FAQ_COLUMNS)[number];

const LIST = '|';
const ARROW = '=>';

function cell(raw: string): string {
  const text = escapeFormulaCell(raw);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}


const buttonText = (b: FaqEntry['answer']['buttons'][number]): string => `${b.title} ${ARROW} ${b.url ?? b.payload ?? ''}`;

export function faqToCsv(entries: readonly FaqEntry[]): string {
  const rows = entries.map((e) =>
    [e.id, e.question, e.alternatives.join(` ${LIST} `), e.answer.text, e.answer.buttons.map(buttonText).join(` ${LIST} `), e.answer.imageUrl ?? '', e.tags.join(` ${LIST} `), e.language ?? '', String(e.enabled)]
      .map(cell)
      .join(','),
  );
  return `${[FAQ_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** A data row of the file (row 1 is the first entry after the header), its cells by column, not yet validated. */
export interface CsvRow {
  row: number;
  cells: Partial<Record<FaqColumn, string>>;
}

const squash = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');
const COLUMN_BY_NAME = new Map<string, FaqColumn>(FAQ_COLUMNS.map((column) => [squash(column), column]));
const badCsv = (message: string, field?: string): AppError => ({ status: 400, code: 'invalid_csv', message, ...(field ? { field } : {}) });

export function readFaqCsv(body: string): Result<CsvRow[]> {
  let records: string[][];
  try {
    records = parse(body, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    return fail(badCsv(`The CSV file could not be read: ${error instanceof Error ? error.message : String(error)}`));
  }
  const [header, ...data] = records;
  if (!header) return fail(badCsv(`The CSV file is empty: it needs a header row (${FAQ_COLUMNS.join(',')}).`));
  const columns: FaqColumn[] = [];
  for (const [index, raw] of header.entries()) {
    const column = COLUMN_BY_NAME.get(squash(raw));
    if (!column) return fail(badCsv(`Column ${index + 1} ("${raw.trim()}") is not an FAQ column; use ${FAQ_COLUMNS.join(', ')}.`));
    if (columns.includes(column)) return fail(badCsv(`Column ${index + 1} repeats the column "${column}".`));
    columns.push(column);
  }
  for (const needed of ['question', 'answer'] as const) if (!columns.includes(needed)) return fail(badCsv(`The header row needs a "${needed}" column.`, needed));
  return ok(
    data.map((record, index) => {
      const cells: Partial<Record<FaqColumn, string>> = {};
      columns.forEach((column, i) => {
        cells[column] = unescapeFormulaCell(record[i] ?? '').trim();
      });
      return { row: index + 1, cells };
    }),
  );
}

/** A "|"-separated list cell. */
export const listCell = (text: string | undefined): string[] => (text ?? '').split(LIST).map((item) => item.trim()).filter((item) => item !== '');

/** A buttons cell: "Title => target" items; a target that is a web link opens it, anything else is a payload. */
export function buttonsCell(text: string | undefined): { buttons: Record<string, string>[]; problem?: string } {
  const buttons: Record<string, string>[] = [];
  for (const item of listCell(text)) {
    const at = item.indexOf(ARROW);
    if (at < 0) return { buttons, problem: `write each button as "Title ${ARROW} payload" or "Title ${ARROW} https://link", not "${item}"` };
    const title = item.slice(0, at).trim();
    const target = item.slice(at + ARROW.length).trim();
    buttons.push(isLinkTarget(target) ? { title, url: target } : { title, payload: target });
  }
  return { buttons };
}
