import { type Product, fieldPath, productSchema } from '@parley/shared';
import { and, eq, sql } from 'drizzle-orm';
import { productFromRow, productToRow } from '../catalog/product-row';
import { products } from '../db/schema';
import type { AppDeps } from '../deps';
import { type Result, fail, notFound, ok } from '../errors';
import { invalidInput } from '../http/validate';
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
  problems.push(...variantProblems(valid, firstRowOfSku));
  problems.sort((a, b) => a.row - b.row);
  return { products: valid, problems };
}

/** Variants must name a product of the same file, in its currency, each with its own option values. */
function variantProblems(valid: readonly Product[], rowOf: ReadonlyMap<string, number>): RowProblem[] {
  const bySku = new Map(valid.map((product) => [product.sku, product]));
  const problems: RowProblem[] = [];
  const seenChoices = new Map<string, number>();
  for (const product of valid) {
    if (product.variantOf === undefined) continue;
    const row = rowOf.get(product.sku) ?? 0;
    const parent = bySku.get(product.variantOf);
    if (!parent) problems.push({ row, field: 'variantOf', message: `unknown SKU "${product.variantOf}": a variant names a product of the same file` });
    else if (parent.variantOf !== undefined) problems.push({ row, field: 'variantOf', message: `"${parent.sku}" is itself a variant; a variant names the main product` });
    else if (parent.currency !== product.currency)
      problems.push({ row, field: 'currency', message: `a variant is priced in its product's currency (${parent.currency}), not ${product.currency}` });
    if (Object.keys(product.options).length === 0) problems.push({ row, field: 'options', message: 'a variant needs its option values, such as { "Colour": "Noir" } (CSV: option.Colour)' });
    const choice = `${product.variantOf}\u0000${JSON.stringify(Object.entries(product.options).sort())}`;
    const first = seenChoices.get(choice);
    if (first !== undefined) problems.push({ row, field: 'options', message: `the same options as row ${first}` });
    else seenChoices.set(choice, row);
  }
  return problems;
}

/**
 * Replaces a bot's catalog with a JSON or CSV file, all or nothing: any bad row (or repeated SKU)
 * is a 400 `invalid_products` listing every problem by row and field, and nothing is imported.
 */
/** Catalog writes go to the bot that owns the catalog, never through a bot that shares it. */
function ownCatalog(deps: AppDeps, botId: string): Result<true> {
  const found = findBot(deps, botId);
  if (!found.ok) return found;
  const owner = found.value.catalogBotId;
  if (owner !== null) return fail({ status: 409, code: 'uses_shared_catalog', message: `Bot "${botId}" sells from "${owner}"'s catalog: change the products there.` });
  return ok(true);
}

export function importProducts(deps: AppDeps, botId: string, file: ProductImport): Result<{ imported: number }> {
  const found = ownCatalog(deps, botId);
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

/** A change to one product from the catalog table: any field but its SKU. */
export const productPatchSchema = productSchema.omit({ sku: true }).partial().strict();

function productRow(deps: AppDeps, botId: string, sku: string) {
  return deps.store.db.select().from(products).where(and(eq(products.botId, botId), eq(products.sku, sku))).get();
}

/** Creates or replaces one product (the catalog table's row), kept at its place in the catalog. */
export function putProduct(deps: AppDeps, botId: string, sku: string, input: unknown): Result<Product> {
  const found = ownCatalog(deps, botId);
  if (!found.ok) return found;
  const parsed = productSchema.safeParse(typeof input === 'object' && input !== null ? { ...input, sku } : input);
  if (!parsed.success) return fail(invalidInput(parsed.error.issues, 'Body'));
  const checked = checkVariant(deps, botId, parsed.data);
  if (!checked.ok) return checked;
  const existing = productRow(deps, botId, sku);
  const position = existing?.position ?? (deps.store.db.select({ n: sql<number>`coalesce(max(${products.position}) + 1, 0)` }).from(products).where(eq(products.botId, botId)).get()?.n ?? 0);
  const row = productToRow(botId, parsed.data, position, deps.now().toISOString());
  deps.store.db.insert(products).values(row).onConflictDoUpdate({ target: [products.botId, products.sku], set: row }).run();
  deps.directory.forgetProducts(botId);
  return ok(parsed.data);
}

/** Changes some fields of one product (price, stock, active…); an unknown SKU is a 404. */
export function patchProduct(deps: AppDeps, botId: string, sku: string, input: unknown): Result<Product> {
  const found = ownCatalog(deps, botId);
  if (!found.ok) return found;
  const existing = productRow(deps, botId, sku);
  if (!existing) return fail({ ...notFound('Product', sku), field: 'sku' });
  const patch = productPatchSchema.safeParse(input);
  if (!patch.success) return fail(invalidInput(patch.error.issues, 'Body'));
  return putProduct(deps, botId, sku, { ...productFromRow(existing), ...patch.data });
}

export function deleteProduct(deps: AppDeps, botId: string, sku: string): Result<{ deleted: string }> {
  const found = ownCatalog(deps, botId);
  if (!found.ok) return found;
  if (deps.store.db.select({ sku: products.sku }).from(products).where(and(eq(products.botId, botId), eq(products.variantOf, sku))).get())
    return fail({ status: 409, code: 'has_variants', field: 'sku', message: `"${sku}" has variants: delete them first, or import the catalog without it.` });
  const removed = deps.store.db.delete(products).where(and(eq(products.botId, botId), eq(products.sku, sku))).run();
  if (removed.changes === 0) return fail({ ...notFound('Product', sku), field: 'sku' });
  deps.directory.forgetProducts(botId);
  return ok({ deleted: sku });
}

/** The rules the import checks across rows, for one product saved alone. */
function checkVariant(deps: AppDeps, botId: string, product: Product): Result<true> {
  const invalid = (field: string, message: string) => fail({ status: 400, code: 'invalid_input', field, message: `Body field "${field}": ${message}.` });
  const rows = deps.store.db.select().from(products).where(eq(products.botId, botId)).all();
  const variants = rows.filter((row) => row.variantOf === product.sku);
  if (product.variantOf === undefined) {
    const other = variants.find((row) => row.currency !== product.currency);
    return other ? invalid('currency', `its variants are priced in ${other.currency}; change them with it, or import the catalog`) : ok(true);
  }
  if (product.variantOf === product.sku) return invalid('variantOf', 'a product cannot be a variant of itself');
  if (variants.length > 0) return invalid('variantOf', `"${product.sku}" has variants of its own: only a main product has variants`);
  const parent = rows.find((row) => row.sku === product.variantOf);
  if (!parent || parent.variantOf !== null) return invalid('variantOf', `unknown SKU "${product.variantOf}": a variant names a main product of the catalog`);
  if (parent.currency !== product.currency) return invalid('currency', `a variant is priced in its product's currency (${parent.currency}), not ${product.currency}`);
  if (Object.keys(product.options).length === 0) return invalid('options', 'a variant needs its option values, such as { "Colour": "Noir" }');
  const same = JSON.stringify(Object.entries(product.options).sort());
  const twin = rows.find((row) => row.variantOf === product.variantOf && row.sku !== product.sku && JSON.stringify(Object.entries(productFromRow(row).options).sort()) === same);
  return twin ? invalid('options', `the same options as "${twin.sku}"`) : ok(true);
}
