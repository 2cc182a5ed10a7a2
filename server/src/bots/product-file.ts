import { parse } from 'csv-parse/sync';
import { unescapeFormulaCell } from '@parley/shared';
import { type AppError, type Result, fail, ok } from '../errors';

/** A problem with one data row of an imported file (row 1 is the first product). */
export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

/** The file's rows, not yet validated, plus what converting CSV text to values already found wrong. */
export interface ProductFile {
  rows: Record<string, unknown>[];
  problems: RowProblem[];
}

const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;
const CSV_MEDIA = /^(text|application)\/csv$/i;

export function mediaKind(contentType: string): 'json' | 'csv' | undefined {
  const media = contentType.split(';')[0]?.trim() ?? '';
  if (JSON_MEDIA.test(media)) return 'json';
  if (CSV_MEDIA.test(media)) return 'csv';
  return undefined;
}

const badFile = (code: string, message: string, field?: string): AppError => ({ status: 400, code, message, ...(field ? { field } : {}) });

export function readJsonProducts(body: string): Result<ProductFile> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return fail(badFile('invalid_json', `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`));
  }
  const list = Array.isArray(value) ? value : typeof value === 'object' && value !== null && 'products' in value ? value.products : undefined;
  if (!Array.isArray(list)) return fail(badFile('invalid_products', 'Send an array of products, or an object { "products": [...] }.', 'products'));
  const rows: Record<string, unknown>[] = [];
  const problems: RowProblem[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      rows.push({});
      problems.push({ row: rows.length, field: '', message: 'a product must be an object' });
      continue;
    }
    const { variants, ...product } = Object.fromEntries(Object.entries(item));
    rows.push(product);
    if (variants === undefined) continue;
    if (!Array.isArray(variants)) {
      problems.push({ row: rows.length, field: 'variants', message: 'variants must be a list of { sku, options, stock, price? }' });
      continue;
    }
    // Nested variants become rows of their own that name their product and take what they leave out from it.
    const { sku: _parentSku, stock: _parentStock, options: _parentOptions, ...inherited } = product;
    for (const variant of variants) {
      if (typeof variant !== 'object' || variant === null || Array.isArray(variant)) {
        rows.push({});
        problems.push({ row: rows.length, field: '', message: 'a variant must be an object' });
      } else rows.push({ ...inherited, ...Object.fromEntries(Object.entries(variant)), variantOf: product.sku });
    }
  }
  return ok({ rows, problems });
}

/** Header names of the product fields, compared without case, spaces, dashes or underscores. */
const COLUMNS = ['sku', 'title', 'description', 'imageUrl', 'images', 'url', 'price', 'currency', 'stock', 'active', 'variantOf'] as const;
type Column = (typeof COLUMNS)[number];
const squash = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');
const COLUMN_BY_NAME = new Map<string, Column>(COLUMNS.map((column) => [squash(column), column]));

type Target = { field: Column } | { attribute: string } | { option: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Attribute values that read as numbers become numbers; `007` keeps its zeros as a string. */
const ATTRIBUTE_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

function targets(header: readonly string[]): Result<Target[]> {
  const seen = new Map<string, number>();
  const result: Target[] = [];
  for (const [index, raw] of header.entries()) {
    const name = raw.trim();
    if (name === '') return fail(badFile('invalid_csv', `Column ${index + 1} of the header row has no name.`));
    const attribute = /^attr\./i.test(name) ? name.slice(5).trim() : undefined;
    const option = /^option\./i.test(name) ? name.slice(7).trim() : undefined;
    const field = attribute === undefined && option === undefined ? COLUMN_BY_NAME.get(squash(name)) : undefined;
    const target: Target = field ? { field } : option !== undefined ? { option } : { attribute: attribute ?? name };
    const key = 'field' in target ? target.field : 'option' in target ? `option.${target.option}` : `attr.${target.attribute}`;
    const unnamed = ('attribute' in target && target.attribute === '') || ('option' in target && target.option === '');
    if (unnamed || seen.has(key))
      return fail(badFile('invalid_csv', `Column ${index + 1} ("${name}") ${seen.has(key) ? `repeats column ${seen.get(key) ?? ''}` : 'names no attribute or option'}.`));
    seen.set(key, index + 1);
    result.push(target);
  }
  if (!result.some((target) => 'field' in target && target.field === 'sku')) return fail(badFile('invalid_csv', 'The header row needs a "sku" column.', 'sku'));
  return ok(result);
}

/** Turns one CSV cell into the value its column holds; `undefined` leaves the field out (empty cell). */
function cellValue(field: Column, text: string): { value?: unknown; problem?: string } {
  if (field === 'stock') {
    if (text === '') return { value: null };
    return NUMBER.test(text) ? { value: Number(text) } : { problem: `stock must be a whole number or empty, not "${text}"` };
  }
  if (text === '') return {};
  // Several pictures in one cell, separated by "|".
  if (field === 'images') return { value: text.split('|').map((url) => url.trim()).filter((url) => url !== '') };
  if (field === 'price') return NUMBER.test(text) ? { value: Number(text) } : { problem: `price must be a number such as 12.50, not "${text}"` };
  if (field === 'active') {
    const word = text.toLowerCase();
    if (TRUE.has(word)) return { value: true };
    if (FALSE.has(word)) return { value: false };
    return { problem: `active must be true or false, not "${text}"` };
  }
  return { value: text };
}

/** CSV with a header row: product columns by name, `attr.<name>` or any other column as an attribute. */
export function readCsvProducts(body: string): Result<ProductFile> {
  let records: string[][];
  try {
    records = parse(body, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    return fail(badFile('invalid_csv', `The CSV file could not be read: ${error instanceof Error ? error.message : String(error)}`));
  }
  const [header, ...data] = records;
  if (!header) return fail(badFile('invalid_csv', 'The CSV file is empty: it needs a header row (sku,title,price,currency,…).'));
  const columns = targets(header);
  if (!columns.ok) return columns;

  const rows: Record<string, unknown>[] = [];
  const problems: RowProblem[] = [];
  data.forEach((record, index) => {
    const row = index + 1;
    const product: Record<string, unknown> = {};
    const attributes: Record<string, string | number> = {};
    const options: Record<string, string> = {};
    if (record.length > columns.value.length)
      problems.push({ row, field: '', message: `this row has ${record.length} values but the header names ${columns.value.length} columns` });
    columns.value.forEach((target, column) => {
      const text = unescapeFormulaCell(record[column] ?? '');
      if ('option' in target) {
        if (text !== '') options[target.option] = text;
        return;
      }
      if ('attribute' in target) {
        if (text !== '') attributes[target.attribute] = ATTRIBUTE_NUMBER.test(text) ? Number(text) : text;
        return;
      }
      const cell = cellValue(target.field, text);
      if (cell.problem !== undefined) problems.push({ row, field: target.field, message: cell.problem });
      else if ('value' in cell) product[target.field] = cell.value;
    });
    product.attributes = attributes;
    product.options = options;
    rows.push(product);
  });
  return ok({ rows, problems });
}
