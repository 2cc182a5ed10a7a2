import type { Product } from '@parley/shared';

/** A main product with its variants, as the catalog table shows them: variants right under their product. */
export interface ProductGroup {
  product: Product;
  variants: Product[];
  /** Variants of this product that the search left out. */
  hiddenVariants: number;
}

/**
 * Groups the catalog (in file order) into main products, each with its variants in file order. A
 * variant whose product is missing stands alone rather than disappearing (the server refuses such
 * catalogs, but the table must never hide a product).
 */
export function groupCatalog(products: readonly Product[]): ProductGroup[] {
  const mains = new Map<string, ProductGroup>();
  for (const product of products) if (product.variantOf === undefined) mains.set(product.sku, { product, variants: [], hiddenVariants: 0 });
  const groups: ProductGroup[] = [];
  for (const product of products) {
    const parent = product.variantOf === undefined ? undefined : mains.get(product.variantOf);
    if (product.variantOf === undefined) groups.push(mains.get(product.sku) ?? { product, variants: [], hiddenVariants: 0 });
    else if (parent) parent.variants.push(product);
    else groups.push({ product, variants: [], hiddenVariants: 0 });
  }
  return groups;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** Everything a search can find a product by: SKU, title, attributes and option values. */
function searchText(product: Product): string {
  const attributes = Object.entries(product.attributes).map(([key, value]) => `${key} ${String(value)}`);
  const options = Object.entries(product.options).map(([name, value]) => `${name} ${value}`);
  return fold([product.sku, product.title, product.variantOf ?? '', ...attributes, ...options].join(' '));
}

/**
 * The groups a search keeps: every word must appear (case and accents ignored). A matching product
 * keeps all its variants; otherwise it shows with only the variants that match.
 */
export function filterGroups(groups: readonly ProductGroup[], query: string): ProductGroup[] {
  const words = fold(query).split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return [...groups];
  const matches = (product: Product) => {
    const text = searchText(product);
    return words.every((word) => text.includes(word));
  };
  const kept: ProductGroup[] = [];
  for (const group of groups) {
    if (matches(group.product)) kept.push(group);
    else {
      const variants = group.variants.filter(matches);
      if (variants.length > 0) kept.push({ product: group.product, variants, hiddenVariants: group.variants.length - variants.length });
    }
  }
  return kept;
}

/** The picture a card shows: `imageUrl`, else the first of `images`. */
export const thumbnailOf = (product: Product): string | undefined => product.imageUrl ?? product.images[0];

/** `Colour: Noir · Strap: Chain`. */
export const describeOptions = (options: Readonly<Record<string, string>>): string =>
  Object.entries(options)
    .map(([name, value]) => `${name}: ${value}`)
    .join(' · ');

/** An amount in its currency, as the reader's locale writes it (`€4,200.00`); the plain figures if the code is unknown. */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** The main products of a catalog: what a variant may name in `variantOf`. */
export const mainProducts = (products: readonly Product[]) => products.filter((product) => product.variantOf === undefined);
