import { type Product, attributeValueSchema } from '@parley/shared';
import { z } from 'zod';
import type { ProductRow, products } from '../db/schema';

const attributesSchema = z.record(z.string(), attributeValueSchema);

export function productFromRow(row: ProductRow): Product {
  const attributes = attributesSchema.safeParse(JSON.parse(row.attributes));
  return {
    sku: row.sku,
    title: row.title,
    description: row.description,
    imageUrl: row.imageUrl ?? undefined,
    url: row.url ?? undefined,
    price: row.price,
    currency: row.currency,
    attributes: attributes.success ? attributes.data : {},
    stock: row.stock,
    active: row.active,
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
    attributes: JSON.stringify(product.attributes),
    stock: product.stock,
    active: product.active,
    position,
    updatedAt: now,
  };
}
