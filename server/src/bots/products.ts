import { type Product, fieldPath, productSchema } from '@parley/shared';
import { eq } from 'drizzle-orm';
import { productToRow } from '../catalog/product-row';
import { products } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, fail, ok } from '../errors';
import { findBot } from './find';
import { type ProductFile, type RowProblem, mediaKind, readCsvProducts, readJsonProducts } from './product-file';

export interface ProductImport {
  /** The request's Content-Type: JSON or CSV. */
  contentType: string;
  body: string;
}

const MAX_PRODUCTS = 50_000;
/** Rows per INSERT, well under SQLite's limit on bound parameters. */
const CHUNK = 500;

/** Validates every row; the catalog is only ever replaced by a file without a single problem. */
function validRows(file: ProductFile): { products: Product[]; problems: RowProblem[] } {
  const problems = [...file.problems];
  const reported = new Set(problems.map((problem) => `${problem.row}\u0000${problem.field}`));
  const valid: Product[] = [];
  const firstRowOfSku = new Map<string, number>();
  file.rows.forEach((candidate, index) => {
    const row = index + 1;
    const parsed = productSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldPath(issue.path);
        if (reported.has(`${row}\u0000${field}`) || reported.has(`${row}\u0000`)) continue;
        const missing = issue.code === 'invalid_type' && issue.path.length === 1 && candidate[field] === undefined;
        problems.push({ row, field, message: missing ? `${field} is required` : issue.message });
      }
      return;
    }
    const first = firstRowOfSku.get(parsed.data.sku);
    if (first !== undefined) problems.push({ row, field: 'sku', message: `SKU "${parsed.data.sku}" is already used by row ${first}; each SKU may appear once` });
    else firstRowOfSku.set(parsed.data.sku, row);
    valid.push(parsed.data);
  });
  problems.sort((a, b) => a.row - b.row);
  return { products: valid, problems };
}

/**
 * Replaces a bot's catalog with a JSON or CSV file, all or nothing: any bad row (or repeated SKU)
 * is a 400 `invalid_products` listing every problem by row and field, and nothing is imported.
 */
export function importProducts(deps: AppDeps, botId: string, file: ProductImport): Result<{ imported: number }> {
  const found = findBot(deps, botId);
  if (!found.ok) return found;
  const kind = mediaKind(file.contentType);
  if (!kind) return fail({ status: 415, code: 'unsupported_media_type', message: 'Send products as JSON ("Content-Type: application/json") or CSV ("Content-Type: text/csv").' });
  const read = kind === 'json' ? readJsonProducts(file.body) : readCsvProducts(file.body);
  if (!read.ok) return read;
  if (read.value.rows.length > MAX_PRODUCTS)
    return fail({ status: 413, code: 'too_many_products', message: `A catalog holds at most ${MAX_PRODUCTS} products; this file has ${read.value.rows.length}.` });
  const checked = validRows(read.value);
  if (checked.problems.length > 0) {
    const rows = new Set(checked.problems.map((problem) => problem.row)).size;
    const first = checked.problems[0];
    return fail({
      status: 400,
      code: 'invalid_products',
      message: `${rows} ${rows === 1 ? 'row has' : 'rows have'} problems, so nothing was imported. First: row ${first?.row ?? ''}${first?.field ? `, ${first.field}` : ''}: ${first?.message ?? ''}.`,
      details: checked.problems,
    });
  }
  const now = deps.now().toISOString();
  const rows = checked.products.map((product, position) => productToRow(botId, product, position, now));
  deps.store.db.transaction((tx) => {
    tx.delete(products).where(eq(products.botId, botId)).run();
    for (let start = 0; start < rows.length; start += CHUNK) tx.insert(products).values(rows.slice(start, start + CHUNK)).run();
  });
  deps.directory.forgetProducts(botId);
  return ok({ imported: rows.length });
}

/** The catalog in file order, as flows see it. */
export function listProducts(deps: AppDeps, botId: string): Result<readonly Product[]> {
  const found = findBot(deps, botId);
  if (!found.ok) return found;
  return ok(deps.directory.products(botId));
}
