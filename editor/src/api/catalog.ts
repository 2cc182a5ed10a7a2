import { type Product, productSchema } from '@parley/shared';
import { z } from 'zod';
import { type ApiError, request } from './http';

/** A catalog's products one at a time, and whole files; see docs/api.md#products. */
const enc = encodeURIComponent;
const productPath = (botId: string, sku: string) => `/api/bots/${enc(botId)}/products/${enc(sku)}`;

export type ProductBody = Omit<Product, 'sku'>;
/** The fields the table changes in place. */
export type ProductPatch = Partial<Pick<Product, 'price' | 'stock' | 'active'>>;

export const putProduct = (botId: string, sku: string, body: ProductBody) => request('PUT', productPath(botId, sku), productSchema, { body });
export const patchProduct = (botId: string, sku: string, patch: ProductPatch) => request('PATCH', productPath(botId, sku), productSchema, { body: patch });
export const deleteProduct = (botId: string, sku: string) => request('DELETE', productPath(botId, sku), z.object({ deleted: z.string() }));

/** Replaces the whole catalog with a file's text, sent with its own media type (JSON or CSV). */
export const importProductFile = (botId: string, text: string, contentType: 'application/json' | 'text/csv') =>
  request('POST', `/api/bots/${enc(botId)}/products`, z.object({ imported: z.number() }), { raw: { text, contentType } });

const rowProblemSchema = z.object({ row: z.number(), field: z.string(), message: z.string() });
export type RowProblem = z.infer<typeof rowProblemSchema>;

/** The per-row problems of a refused import (400 `invalid_products`); empty for any other error. */
export function rowProblemsOf(error: ApiError): RowProblem[] {
  if (error.code !== 'invalid_products') return [];
  const parsed = z.array(rowProblemSchema).safeParse(error.details);
  return parsed.success ? parsed.data : [];
}
