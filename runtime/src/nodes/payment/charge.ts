import { type JsonValue, type PaymentItem, isJsonObject } from '@parley/shared';

/** What a payment link charges, or why it cannot be made. */
export type Charge = { ok: true; items: PaymentItem[]; amount: number; currency: string } | { ok: false; error: string };

const CURRENCY = /^[A-Z]{3}$/;

/** Sums in cents so 0.1 + 0.2 charges 0.30, not 0.30000000000000004. */
function total(items: readonly PaymentItem[]): number {
  return items.reduce((cents, item) => cents + Math.round(item.unitPrice * 100) * item.quantity, 0) / 100;
}

function lineOf(value: JsonValue | undefined, quantity: number): { item: PaymentItem; currency: string } | string {
  if (!isJsonObject(value)) return 'it holds no product';
  const { sku, title, price, currency } = value;
  if (typeof title !== 'string' || title.trim() === '') return 'a product in it has no title';
  if (typeof price !== 'number' || !Number.isFinite(price) || price < 0) return `"${title}" has no valid price`;
  if (typeof currency !== 'string' || !CURRENCY.test(currency.toUpperCase())) return `"${title}" has no three-letter currency`;
  // A cart line may carry its own quantity; a catalog product takes the node's.
  const own = value.quantity;
  const count = typeof own === 'number' && Number.isInteger(own) && own >= 1 ? own : quantity;
  const item: PaymentItem = { title, quantity: count, unitPrice: price };
  if (typeof sku === 'string' && sku !== '') item.sku = sku;
  // A cart line keeps the options chosen for it (colour, size).
  const options = value.options;
  if (isJsonObject(options)) {
    const chosen = Object.entries(options).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    if (chosen.length > 0) item.options = Object.fromEntries(chosen);
  }
  return { item, currency: currency.toUpperCase() };
}

/** A charge for the product (or cart, a list of products) held in a variable. */
export function chargeForProducts(value: JsonValue | undefined, variable: string, quantity: number): Charge {
  const products = Array.isArray(value) ? value : [value];
  if (products.length === 0) return { ok: false, error: `The cart in "${variable}" is empty.` };
  const items: PaymentItem[] = [];
  const currencies = new Set<string>();
  for (const product of products) {
    const line = lineOf(product, quantity);
    if (typeof line === 'string') return { ok: false, error: `The variable "${variable}" cannot be charged: ${line}.` };
    items.push(line.item);
    currencies.add(line.currency);
  }
  const [currency] = currencies;
  if (currency === undefined || currencies.size > 1)
    return { ok: false, error: `The cart in "${variable}" mixes currencies (${[...currencies].join(', ')}); one payment takes one currency.` };
  return { ok: true, items, amount: total(items), currency };
}

/** Reads an amount as people write it: "49.90", "49,90", "1,299.00", "1 299". */
export function parseAmount(text: string): number | string {
  const compact = text.replace(/[\s\u00a0_]/g, '');
  if (compact === '') return 'The amount is empty.';
  if (compact.startsWith('-')) return `The amount "${text}" is negative; a payment needs an amount above zero.`;
  let normalized: string | undefined;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) normalized = compact.replace(/,/g, '');
  else if (/^\d+([.,]\d+)?$/.test(compact)) normalized = compact.replace(',', '.');
  if (normalized === undefined) return `The amount "${text}" is not a number.`;
  const amount = Math.round(Number(normalized) * 100) / 100;
  if (!Number.isFinite(amount) || amount <= 0) return `The amount "${text}" is not above zero.`;
  return amount;
}

/** A charge for an amount entered on the node, as one line. */
export function chargeForAmount(text: string, currency: string, description: string): Charge {
  const amount = parseAmount(text);
  if (typeof amount === 'string') return { ok: false, error: amount };
  const items: PaymentItem[] = [{ title: description, quantity: 1, unitPrice: amount }];
  return { ok: true, items, amount: total(items), currency };
}

/** "Balance Tint × 2, Night Serum": a description when the node names none. */
export function describeItems(items: readonly PaymentItem[]): string {
  return items.map((item) => (item.quantity > 1 ? `${item.title} × ${item.quantity}` : item.title)).join(', ');
}
