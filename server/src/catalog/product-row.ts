import { type Product, attributeValueSchema } from '@parley/shared';
import { z } from 'zod';
import type { ProductRow, products } from '../db/schema';

const attributesSchema = z.record(z.string(), attributeValueSchema);
const imagesSchema = z.array(z.string());
const optionsSchema = z.record(z.string(), z.string());

function readColumn<S extends z.ZodType>(schema: S, text: string, empty: z.output<S>): z.output<S> {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : empty;
  } catch {
    return empty;
  }
}

export function productFromRow(row: ProductRow): Product {
  return {
    sku: row.sku,
    title: row.title,
    description: row.description,
    imageUrl: row.imageUrl ?? undefined,
    url: row.url ?? undefined,
    price: row.price,
    currency: row.currency,
    images: readColumn(imagesSchema, row.images, []),
    attributes: readColumn(attributesSchema, row.attributes, {}),
    stock: row.stock,
    active: row.active,
    ...(row.variantOf === null ? {} : { variantOf: row.variantOf }),
    options: readColumn(optionsSchema, row.options, {}),
  };
}

export function productToRow(botId: string, product: Product, position: number, now: string): typeof products.$inferInsert {
  return {
    botId,
    sku: product.sku,
    title: product.title,
    description: product.description,
    imageUrl: product.imageUrl ?? null,
    url: product.url ?? null,
    price: product.price,
    currency: product.currency,
    images: JSON.stringify(product.images),
    attributes: JSON.stringify(product.attributes),
    stock: product.stock,
    active: product.active,
    variantOf: product.variantOf ?? null,
    options: JSON.stringify(product.options),
    position,
    updatedAt: now,
  };
}
