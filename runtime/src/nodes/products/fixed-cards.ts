import { type Product, deepFreeze, templateVariables } from '@parley/shared';

/**
 * Cards whose texts read nothing but the product (`{{product.title}}`, `${{product.price}}`) come out
 * the same for everyone shown the same products: a node setting makes them once per list of catalog
 * products and hands out that same frozen value, so the server writes their JSON once too
 * (`repliesToJson`). The key is the products themselves, not their SKUs: the catalog's objects are
 * replaced when a product or its stock changes, so a changed product makes a new list, never a stale card.
 */
interface Trie<V> {
  value: V | undefined;
  next: WeakMap<Product, Trie<V>> | undefined;
}

interface Root<V> {
  /** Whether this setting's texts read only the product; otherwise every call makes its value afresh. */
  fixed: boolean;
  trie: Trie<V>;
  /** Lists' steps kept for this setting: past the limit, cards are made afresh (a filter on free text can pick many lists). */
  steps: number;
}

const STEPS_PER_SETTING = 4_096;

/** Whether every one of these templates reads only `product` and its fields. */
export function readsOnlyProduct(templates: readonly string[]): boolean {
  return templates.every((template) => templateVariables(template).every((path) => path === 'product' || path.startsWith('product.')));
}

/**
 * `make()` for this setting and list of products, made once and frozen when every one of
 * `templates(setting)` reads only the product (`make` must then depend on nothing but the setting and
 * the products), and afresh on each call otherwise: the shape of `fixedReplies` in @parley/shared.
 */
export function fixedPerProducts<S extends object, V>(
  templates: (setting: S) => readonly string[],
  limit = STEPS_PER_SETTING,
): (setting: S, products: readonly Product[], make: () => V) => V {
  const roots = new WeakMap<S, Root<V>>();
  return (setting, products, make) => {
    let root = roots.get(setting);
    if (!root) {
      root = { fixed: readsOnlyProduct(templates(setting)), trie: { value: undefined, next: undefined }, steps: 0 };
      roots.set(setting, root);
    }
    if (!root.fixed) return make();
    let trie = root.trie;
    for (const product of products) {
      trie.next ??= new WeakMap();
      let step = trie.next.get(product);
      if (!step) {
        if (root.steps >= limit) return make();
        step = { value: undefined, next: undefined };
        trie.next.set(product, step);
        root.steps++;
      }
      trie = step;
    }
    trie.value ??= deepFreeze(make());
    return trie.value;
  };
}
