import { z } from 'zod';

/** A product of a bot's catalog, as nodes see it. Prices are in major units of `currency`. */
export const attributeValueSchema = z.union([z.string(), z.number(), z.boolean()]);

export const productSchema = z.object({
  sku: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(300),
  description: z.string().max(5_000).default(''),
  imageUrl: z.string().max(2_000).optional(),
  url: z.string().max(2_000).optional(),
  price: z.number().min(0, 'a price cannot be negative').max(100_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is a three-letter ISO code such as USD'),
  attributes: z.record(z.string(), attributeValueSchema).default({}),
  /** Units left; null means not tracked (never sells out). */
  stock: z.number().int().min(0).nullable().default(null),
  active: z.boolean().default(true),
});
export type Product = z.infer<typeof productSchema>;
export type ProductInput = z.input<typeof productSchema>;
