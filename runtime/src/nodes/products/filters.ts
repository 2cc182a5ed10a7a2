import type { Product } from '@parley/shared';
import { fold } from '../../text';

/** Filtering and sorting a catalog, compiled once per node config so a turn only renders and compares. */

export const FILTER_OPS = ['equals', 'notEquals', 'contains', 'greaterThan', 'lessThan', 'greaterOrEqual', 'lessOrEqual', 'isSet'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

type FieldValue = string | number | boolean | undefined;
export type FieldReader = (product: Product) => FieldValue;

const PRODUCT_FIELDS: Readonly<Record<string, FieldReader>> = {
  sku: (p) => p.sku,
  title: (p) => p.title,
  description: (p) => p.description,
  price: (p) => p.price,
  currency: (p) => p.currency,
  stock: (p) => p.stock ?? undefined,
  url: (p) => p.url,
  imageUrl: (p) => p.imageUrl,
};

/** `attributes.skin`, a product field (`price`), or a bare attribute name (`skin`). */
export function fieldReader(field: string): FieldReader {
  const path = field.trim();
  if (path.startsWith('attributes.')) {
    const key = path.slice('attributes.'.length);
    return (p) => p.attributes[key];
  }
  return Object.hasOwn(PRODUCT_FIELDS, path) ? (PRODUCT_FIELDS[path] ?? (() => undefined)) : (p) => p.attributes[path];
}

// Catalog texts repeat on every turn; folding (Unicode normalisation) is the costly part, so remember it.
const folded = new Map<string, string>();
const FOLD_LIMIT = 20_000;
function foldOnce(text: string): string {
  const hit = folded.get(text);
  if (hit !== undefined) return hit;
  const value = fold(text);
  if (folded.size >= FOLD_LIMIT) folded.clear();
  folded.set(text, value);
  return value;
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;

function asNumber(value: FieldValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

/** A filter's value, rendered and ready to compare. */
export interface Operand {
  text: string;
  number: number | undefined;
  /** For isSet: whether the field should be set ("false", "no" or "0" ask for unset). */
  wantSet: boolean;
}

export function operand(rendered: string): Operand {
  const text = foldOnce(rendered);
  return { text, number: asNumber(rendered), wantSet: text !== 'false' && text !== 'no' && text !== '0' };
}

export interface CompiledFilter {
  read: FieldReader;
  op: FilterOp;
  template: string;
  /** Set when the value has no `{{variables}}`: computed once, not per turn. */
  constant: Operand | undefined;
}

export function compileFilter(filter: { field: string; op: FilterOp; value: string }): CompiledFilter {
  return {
    read: fieldReader(filter.field),
    op: filter.op,
    template: filter.value,
    constant: filter.value.includes('{{') ? undefined : operand(filter.value),
  };
}

function isEqual(actual: string | number | boolean, want: Operand): boolean {
  const number = asNumber(actual);
  if (number !== undefined && want.number !== undefined) return number === want.number;
  return foldOnce(String(actual)) === want.text;
}

/** -1, 0, 1, or undefined when a number meets a text (they do not order). */
function order(actual: string | number | boolean, want: Operand): number | undefined {
  const number = asNumber(actual);
  if (number !== undefined && want.number !== undefined) return Math.sign(number - want.number);
  if (number !== undefined || want.number !== undefined || typeof actual !== 'string') return undefined;
  const text = foldOnce(actual);
  return text < want.text ? -1 : text > want.text ? 1 : 0;
}

/** Whether a product passes one filter; a missing field never matches, except "is set: false". */
export function passes(filter: CompiledFilter, product: Product, want: Operand): boolean {
  const actual = filter.read(product);
  const missing = actual === undefined || actual === '';
  if (filter.op === 'isSet') return missing !== want.wantSet;
  if (actual === undefined) return false;
  switch (filter.op) {
    case 'equals':
      return isEqual(actual, want);
    case 'notEquals':
      return !isEqual(actual, want);
    case 'contains':
      return foldOnce(String(actual)).includes(want.text);
    default: {
      const sign = order(actual, want);
      if (sign === undefined) return false;
      if (filter.op === 'greaterThan') return sign > 0;
      if (filter.op === 'lessThan') return sign < 0;
      if (filter.op === 'greaterOrEqual') return sign >= 0;
      return sign <= 0;
    }
  }
}

/** Orders products by a field; products without it go last either way. */
export function sortProducts(products: readonly Product[], read: FieldReader, direction: 'asc' | 'desc'): Product[] {
  const flip = direction === 'asc' ? 1 : -1;
  const keyed = products.map((product) => {
    const value = read(product);
    const number = asNumber(value);
    return { product, number, text: value === undefined ? undefined : foldOnce(String(value)) };
  });
  keyed.sort((a, b) => {
    if (a.text === undefined || b.text === undefined) return a.text === undefined ? (b.text === undefined ? 0 : 1) : -1;
    if (a.number !== undefined && b.number !== undefined) return (a.number - b.number) * flip;
    return (a.text < b.text ? -1 : a.text > b.text ? 1 : 0) * flip;
  });
  return keyed.map((k) => k.product);
}
