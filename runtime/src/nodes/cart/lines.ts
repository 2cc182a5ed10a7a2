import { type JsonValue, isJsonObject } from '@parley/shared';

/** One line of a cart, as kept in the cart variable (and charged by the payment node). */
export interface CartLine {
  sku: string;
  title: string;
  price: number;
  currency: string;
  quantity: number;
  options: Record<string, string>;
  imageUrl?: string;
}

const MAX_QUANTITY = 99;

function lineOf(value: JsonValue): CartLine | undefined {
  if (!isJsonObject(value)) return undefined;
  const { sku, title, price, currency, quantity, options, imageUrl } = value;
  if (typeof sku !== 'string' || typeof title !== 'string' || typeof price !== 'number' || typeof currency !== 'string') return undefined;
  const chosen: Record<string, string> = {};
  if (isJsonObject(options)) for (const [name, v] of Object.entries(options)) if (typeof v === 'string') chosen[name] = v;
  const line: CartLine = { sku, title, price, currency, quantity: typeof quantity === 'number' && quantity >= 1 ? Math.min(Math.floor(quantity), MAX_QUANTITY) : 1, options: chosen };
  if (typeof imageUrl === 'string') line.imageUrl = imageUrl;
  return line;
}

/** The cart held in a variable; anything unreadable in it is left out rather than charged. */
export function readCart(value: JsonValue | undefined): CartLine[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const line = lineOf(item);
    return line ? [line] : [];
  });
}

export function cartJson(lines: readonly CartLine[]): JsonValue {
  return lines.map((line) => {
    const json: { [key: string]: JsonValue } = { sku: line.sku, title: line.title, price: line.price, currency: line.currency, quantity: line.quantity, options: { ...line.options } };
    if (line.imageUrl !== undefined) json.imageUrl = line.imageUrl;
    return json;
  });
}

const sameChoice = (a: CartLine, b: CartLine) =>
  a.sku === b.sku && Object.keys(a.options).length === Object.keys(b.options).length && Object.entries(a.options).every(([k, v]) => b.options[k] === v);

/** Adds a line; the same product with the same options adds to the quantity instead. */
export function addLine(lines: readonly CartLine[], added: CartLine): CartLine[] {
  const same = lines.findIndex((line) => sameChoice(line, added));
  if (same === -1) return [...lines, added];
  return lines.map((line, i) => (i === same ? { ...line, quantity: Math.min(line.quantity + added.quantity, MAX_QUANTITY) } : line));
}

/** Sets a line's quantity; 0 removes it. */
export function setQuantity(lines: readonly CartLine[], index: number, quantity: number): CartLine[] {
  if (quantity <= 0) return lines.filter((_, i) => i !== index);
  return lines.map((line, i) => (i === index ? { ...line, quantity: Math.min(quantity, MAX_QUANTITY) } : line));
}

/** The total in cents-exact arithmetic; undefined when the lines mix currencies. */
export function cartTotal(lines: readonly CartLine[]): { amount: number; currency: string } | undefined {
  const currencies = new Set(lines.map((line) => line.currency));
  const [currency] = currencies;
  if (currency === undefined || currencies.size > 1) return undefined;
  return { amount: lines.reduce((cents, line) => cents + Math.round(line.price * 100) * line.quantity, 0) / 100, currency };
}

export const MAX_CART_QUANTITY = MAX_QUANTITY;
