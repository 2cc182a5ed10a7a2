import { productSchema } from '@parley/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { importedSchema, productListSchema } from '../bots/schemas';
import { deleteProduct, patchProduct, productPatchSchema, putProduct } from '../bots/products';
import { importProducts, listProducts } from '../bots/service';
import { jsonBody } from '../http/validate';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';

const tag = 'Catalog';
/** The body is read as a JSON object here; the service validates its fields (with the SKU from the path). */
const anObject = z.record(z.string(), z.unknown());

/** A bot's product catalog: replaced whole by a JSON or CSV file, or edited one product at a time. */
export function productRoutes(deps: AppDeps) {
  deps.docs.add(
    { method: 'put', path: '/api/bots/{id}/products/{sku}', summary: 'Create or replace one product', tag, body: productSchema.omit({ sku: true }), responses: { 200: { description: 'The product', schema: productSchema }, 404: { description: 'Unknown bot' } } },
    { method: 'patch', path: '/api/bots/{id}/products/{sku}', summary: 'Change some fields of one product (price, stock, active…)', tag, body: productPatchSchema, responses: { 200: { description: 'The product', schema: productSchema }, 404: { description: 'Unknown bot or SKU' } } },
    { method: 'delete', path: '/api/bots/{id}/products/{sku}', summary: 'Remove one product', tag, responses: { 200: { description: 'Removed' }, 404: { description: 'Unknown bot or SKU' }, 409: { description: 'It has variants' } } },
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
    .put('/:id/products/:sku', jsonBody(anObject), (c) => {
      const saved = putProduct(deps, c.req.param('id'), c.req.param('sku'), c.req.valid('json'));
      return saved.ok ? c.json(saved.value) : errorResponse(c, saved.error);
    })
    .patch('/:id/products/:sku', jsonBody(anObject), (c) => {
      const saved = patchProduct(deps, c.req.param('id'), c.req.param('sku'), c.req.valid('json'));
      return saved.ok ? c.json(saved.value) : errorResponse(c, saved.error);
    })
    .delete('/:id/products/:sku', (c) => {
      const deleted = deleteProduct(deps, c.req.param('id'), c.req.param('sku'));
      return deleted.ok ? c.json(deleted.value) : errorResponse(c, deleted.error);
    })
    .get('/:id/products', (c) => {
      const list = listProducts(deps, c.req.param('id'));
      return list.ok ? c.json({ products: list.value }) : errorResponse(c, list.error);
    });
}
