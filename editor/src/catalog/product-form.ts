import type { Product } from '@parley/shared';
import type { ProductBody } from '../api/catalog';

/** The product form's state: what the inputs hold, as text, until it is saved. */
export type AttributeType = 'text' | 'number' | 'boolean';
export interface AttributeRow {
  key: string;
  value: string;
  type: AttributeType;
}
export interface OptionRow {
  name: string;
  value: string;
}
export interface ProductForm {
  sku: string;
  title: string;
  description: string;
  price: string;
  currency: string;
  /** Empty: not tracked. */
  stock: string;
  active: boolean;
  imageUrl: string;
  images: string[];
  url: string;
  /** Empty: a main product. */
  variantOf: string;
  attributes: AttributeRow[];
  options: OptionRow[];
}

export const emptyForm = (seed: Partial<ProductForm> = {}): ProductForm => ({
  sku: '',
  title: '',
  description: '',
  price: '',
  currency: '',
  stock: '',
  active: true,
  imageUrl: '',
  images: [],
  url: '',
  variantOf: '',
  attributes: [],
  options: [],
  ...seed,
});

export function formFromProduct(product: Product): ProductForm {
  return {
    sku: product.sku,
    title: product.title,
    description: product.description,
    price: String(product.price),
    currency: product.currency,
    stock: product.stock === null ? '' : String(product.stock),
    active: product.active,
    imageUrl: product.imageUrl ?? '',
    images: [...product.images],
    url: product.url ?? '',
    variantOf: product.variantOf ?? '',
    attributes: Object.entries(product.attributes).map(([key, value]) => ({
      key,
      value: String(value),
      type: typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'text',
    })),
    options: Object.entries(product.options).map(([name, value]) => ({ name, value })),
  };
}

/** A form problem, naming the input it is about (the field names of the API, `attributes.2` for a row). */
export interface FormProblem {
  field: string;
  message: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The PUT body (and its SKU) from the form, or every problem found. The server checks again (the
 * variant rules across the catalog are its own); these are the ones the form can say at once.
 */
export function productFromForm(form: ProductForm): { ok: true; sku: string; body: ProductBody } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const sku = form.sku.trim();
  if (!sku) problem('sku', 'Give the product a SKU.');
  if (!form.title.trim()) problem('title', 'Give the product a title.');
  const price = form.price.trim();
  if (!NUMBER.test(price)) problem('price', 'The price is a number such as 12.50.');
  else if (Number(price) < 0) problem('price', 'A price cannot be negative.');
  const currency = form.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) problem('currency', 'The currency is a three-letter ISO code such as EUR or USD.');
  const stock = form.stock.trim();
  if (stock !== '' && !/^\d+$/.test(stock)) problem('stock', 'Stock is a whole number, or empty when it is not tracked.');

  const images = form.images.map((url) => url.trim()).filter((url) => url !== '');
  if (images.length > 10) problem('images', 'A product has at most ten images.');

  const attributes: Record<string, string | number | boolean> = {};
  form.attributes.forEach((row, index) => {
    const key = row.key.trim();
    if (key === '' && row.value.trim() === '') return;
    if (key === '') return problem(`attributes.${index}`, `Attribute ${index + 1} needs a name.`);
    if (key in attributes) return problem(`attributes.${index}`, `The attribute "${key}" is given twice.`);
    if (row.type === 'number') {
      if (!NUMBER.test(row.value.trim())) return problem(`attributes.${index}`, `"${key}" is a number: ${row.value.trim() || 'nothing'} is not.`);
      attributes[key] = Number(row.value.trim());
    } else if (row.type === 'boolean') attributes[key] = row.value === 'true';
    else attributes[key] = row.value;
  });

  const variantOf = form.variantOf.trim();
  const options: Record<string, string> = {};
  form.options.forEach((row, index) => {
    const name = row.name.trim();
    const value = row.value.trim();
    if (name === '' && value === '') return;
    if (name === '' || value === '') return problem(`options.${index}`, `Option ${index + 1} needs a name and a value.`);
    if (name in options) return problem(`options.${index}`, `The option "${name}" is given twice.`);
    options[name] = value;
  });
  if (variantOf !== '' && Object.keys(options).length === 0) problem('options', 'A variant needs its option values, such as Colour: Noir.');
  if (variantOf !== '' && variantOf === sku) problem('variantOf', 'A product cannot be a variant of itself.');

  if (problems.length > 0) return { ok: false, problems };
  const body: ProductBody = {
    title: form.title.trim(),
    description: form.description,
    price: Number(price),
    currency,
    images,
    attributes,
    stock: stock === '' ? null : Number(stock),
    active: form.active,
    options,
  };
  if (form.imageUrl.trim()) body.imageUrl = form.imageUrl.trim();
  if (form.url.trim()) body.url = form.url.trim();
  if (variantOf) body.variantOf = variantOf;
  return { ok: true, sku, body };
}
