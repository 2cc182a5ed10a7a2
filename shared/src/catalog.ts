import { z } from 'zod';

/** A product of a bot's catalog, as nodes see it. Prices are in major units of `currency`. */
export const attributeValueSchema = z.union([z.string(), z.number(), z.boolean()]);

export const productSchema = z.object({
  sku: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(300),
  description: z.string().max(5_000).default(''),
  imageUrl: z.string().max(2_000).optional(),
  /** More pictures (the card shows `imageUrl`, or the first of these). */
  images: z.array(z.string().min(1).max(2_000)).max(10, 'a product has at most ten images').default([]),
  url: z.string().max(2_000).optional(),
  price: z.number().min(0, 'a price cannot be negative').max(100_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is a three-letter ISO code such as USD'),
  attributes: z.record(z.string(), attributeValueSchema).default({}),
  /** Units left; null means not tracked (never sells out). */
  stock: z.number().int().min(0).nullable().default(null),
  active: z.boolean().default(true),
  /** A variant (one colour, one size) names the SKU of its product; it has its own stock. */
  variantOf: z.string().trim().min(1).max(100).optional(),
  /** A variant's option values, such as { "Colour": "Noir", "Strap": "Chain" }. */
  options: z.record(z.string().trim().min(1).max(100), z.string().trim().min(1).max(200)).default({}),
});
export type Product = z.infer<typeof productSchema>;
export type ProductInput = z.input<typeof productSchema>;
