import type { JsonValue, Product } from '@parley/shared';
import { inStock } from '../../catalog';
import { fold } from '../../text';

interface Preference {
  attribute: string;
  value: string;
  /** The answer that asked for it, for the reason: "because you chose Matte". */
  because: string;
}

/** A product attribute may hold several values: "dry, normal" fits both dry and normal skin. */
function valuesOf(value: Product['attributes'][string] | undefined): string[] {
  if (value === undefined) return [];
  return String(value)
    .split(/[,;|]/)
    .map((part) => fold(part))
    .filter((part) => part !== '');
}

function listed(items: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/**
 * The products whose attributes best match the answers, best first (ties keep catalog order),
 * each with its score and the reason in words. Products matching nothing are not recommended;
 * inactive and sold-out ones never are.
 */
export function recommend(
  options: readonly { title: string; attributes: Record<string, string> }[],
  products: readonly Product[],
  limit: number,
  locale: string,
  reasonFor: (choices: string) => string,
): JsonValue[] {
  const preferences: Preference[] = options.flatMap((option) =>
    Object.entries(option.attributes).map(([attribute, value]) => ({ attribute, value: fold(value), because: option.title })),
  );
  if (preferences.length === 0) return [];
  const ranked = products
    // Main products only (variants are chosen after), and only those that can be bought now.
    .filter((product) => product.variantOf === undefined && inStock(products, product))
    .map((product, position) => {
      const matched = preferences.filter((p) => valuesOf(product.attributes[p.attribute]).includes(p.value));
      return { product, position, score: matched.length, because: [...new Set(matched.map((p) => p.because))] };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, limit);
  return ranked.map(({ product, score, because }) => ({ sku: product.sku, title: product.title, score, reason: reasonFor(listed(because, locale)) }));
}
