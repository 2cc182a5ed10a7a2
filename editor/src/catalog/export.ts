import { type Product, escapeFormulaCell } from '@parley/shared';

/**
 * Catalog files built in the browser from the catalog as listed, in the formats the import reads
 * (docs/commerce.md): a file exported here imports back to the same catalog.
 */

/** JSON: the products as the API lists them, variants flat with `variantOf`. */
export function productsToJson(products: readonly Product[]): string {
  return `${JSON.stringify(products, null, 2)}\n`;
}

const COLUMNS = ['sku', 'title', 'description', 'price', 'currency', 'stock', 'active', 'imageUrl', 'images', 'url', 'variantOf'] as const;

/** A cell quoted when it holds a delimiter, a quote, a line break or edge spaces (RFC 4180); a formula-like one escaped. */
export function csvCell(raw: string): string {
  const text = escapeFormulaCell(raw);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function fieldCell(product: Product, column: (typeof COLUMNS)[number]): string {
  switch (column) {
    case 'stock':
      // Empty is "not tracked".
      return product.stock === null ? '' : String(product.stock);
    case 'active':
      return product.active ? 'true' : 'false';
    case 'images':
      return product.images.join('|');
    case 'price':
      return String(product.price);
    default:
      return product[column] ?? '';
  }
}

/** Names used by any product, in the order they first appear. */
function namesOf(products: readonly Product[], pick: (product: Product) => Record<string, unknown>): string[] {
  const names = new Set<string>();
  for (const product of products) for (const name of Object.keys(pick(product))) names.add(name);
  return [...names];
}

/**
 * CSV with a header row: the product columns, then one `option.<Name>` column per option name and
 * one `attr.<name>` column per attribute (the prefix keeps an attribute called `price` an attribute).
 * Each variant is a row of its own with `variantOf`. Attribute values are written as text; on import,
 * ones that read as numbers become numbers again.
 */
export function productsToCsv(products: readonly Product[]): string {
  const options = namesOf(products, (product) => product.options);
  const attributes = namesOf(products, (product) => product.attributes);
  const header = [...COLUMNS, ...options.map((name) => `option.${name}`), ...attributes.map((name) => `attr.${name}`)];
  const lines = [header.map(csvCell).join(',')];
  for (const product of products) {
    const cells = [
      ...COLUMNS.map((column) => fieldCell(product, column)),
      ...options.map((name) => product.options[name] ?? ''),
      ...attributes.map((name) => {
        const value = product.attributes[name];
        return value === undefined ? '' : String(value);
      }),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
