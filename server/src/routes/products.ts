import { productSchema } from '@parley/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { importedSchema, productListSchema } from '../bots/schemas';
import { importProducts, listProducts } from '../bots/service';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';

const tag = 'Catalog';

/** A bot's product catalog: replaced whole by a JSON or CSV file. */
export function productRoutes(deps: AppDeps) {
  deps.docs.add(
    {
      method: 'post',
      path: '/api/bots/{id}/products',
      summary: 'Replace the catalog with a JSON array (or { products }) or a CSV file (Content-Type: text/csv); all rows or none',
      tag,
      body: z.union([z.array(productSchema), z.object({ products: z.array(productSchema) })]),
      responses: {
        200: { description: 'Imported', schema: importedSchema },
        400: { description: 'invalid_products: error.details lists { row, field, message } for every bad row; nothing was imported' },
        404: { description: 'Unknown bot' },
        415: { description: 'Neither JSON nor CSV' },
      },
    },
    {
      method: 'get',
      path: '/api/bots/{id}/products',
      summary: 'The catalog, in file order',
      tag,
      responses: { 200: { description: 'Products', schema: productListSchema }, 404: { description: 'Unknown bot' } },
    },
  );
  return new Hono()
    .post('/:id/products', async (c) => {
      // Two media types, so the service reads the raw text: it validates every row itself.
      const imported = importProducts(deps, c.req.param('id'), { contentType: c.req.header('content-type') ?? '', body: await c.req.text() });
      return imported.ok ? c.json(imported.value) : errorResponse(c, imported.error);
    })
    .get('/:id/products', (c) => {
      const list = listProducts(deps, c.req.param('id'));
      return list.ok ? c.json({ products: list.value }) : errorResponse(c, list.error);
    });
}
