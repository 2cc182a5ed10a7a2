import type { Product } from '@parley/shared';

/** A catalog's variants by the SKU of their product, built once per catalog (the same array turn after turn). */
const indexes = new WeakMap<readonly Product[], Map<string, Product[]>>();

export function variantsOf(products: readonly Product[], sku: string): readonly Product[] {
  let index = indexes.get(products);
  if (!index) {
    index = new Map();
    for (const product of products) {
      if (product.variantOf === undefined) continue;
      const list = index.get(product.variantOf) ?? [];
      list.push(product);
      index.set(product.variantOf, list);
    }
    indexes.set(products, index);
  }
  return index.get(sku) ?? [];
}

const buyable = (product: Product) => product.active && product.stock !== 0;

/** Whether a product can be bought now: active, and in stock itself or through one of its variants. */
export function inStock(products: readonly Product[], product: Product): boolean {
  if (!buyable(product)) return false;
  const variants = variantsOf(products, product.sku);
  return variants.length === 0 || variants.some(buyable);
}
