import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { importFaqCsv } from '../faq/import';
import { dismissSchema, importQuery, importedFaqSchema, saveFaqSchema, savedFaqSchema } from '../faq/schemas';
import { saveFaq } from '../faq/table';
import { dismissUnanswered } from '../faq/unanswered';
import { jsonBody, queryParams } from '../http/validate';
import { mediaKind } from '../bots/product-file';

const tag = 'FAQ';

/** Editing a bot's FAQ: into the draft, live with the next Publish. Editors and admins. */
export function faqWriteRoutes(deps: AppDeps) {
  deps.docs.add(
    {
      method: 'put',
      path: '/api/bots/{id}/faq',
      summary: "Replace the draft's FAQ table; with `revision`, only if nobody saved since",
      tag,
      body: saveFaqSchema,
      responses: {
        200: { description: 'Saved: the new revision and the FAQ problems left', schema: savedFaqSchema },
        400: { description: 'invalid_input or invalid_faq: error.field names the row and field (faq.3.answer.text)' },
        404: { description: 'Unknown bot' },
        409: { description: 'edited_elsewhere: someone saved a newer revision' },
      },
    },
    {
      method: 'post',
      path: '/api/bots/{id}/faq/import',
      summary: 'Import a CSV file (Content-Type: text/csv) into the FAQ table; all rows or none',
      tag,
      query: importQuery,
      responses: {
        200: { description: 'Imported', schema: importedFaqSchema },
        400: { description: 'invalid_csv, or invalid_faq: error.details lists { row, field, message } for every bad row; nothing was imported' },
        404: { description: 'Unknown bot' },
        409: { description: 'edited_elsewhere' },
        415: { description: 'Not CSV' },
      },
    },
    {
      method: 'post',
      path: '/api/bots/{id}/faq/unanswered/dismiss',
      summary: 'Dismiss a group of unanswered questions (by its key) until it is asked again',
      tag,
      body: dismissSchema,
      responses: { 200: { description: 'Dismissed' }, 404: { description: 'Unknown bot, or no such group' } },
    },
  );
  return new Hono()
    .put('/:id/faq', jsonBody(saveFaqSchema), (c) => {
      const { faq, revision } = c.req.valid('json');
      const saved = saveFaq(deps, c.req.param('id'), faq, revision);
      return saved.ok ? c.json(saved.value) : errorResponse(c, saved.error);
    })
    .post('/:id/faq/import', queryParams(importQuery), async (c) => {
      if (mediaKind(c.req.header('content-type') ?? '') !== 'csv')
        return errorResponse(c, { status: 415, code: 'unsupported_media_type', message: 'Send the FAQ as CSV with "Content-Type: text/csv".' });
      const { mode, revision } = c.req.valid('query');
      const imported = importFaqCsv(deps, c.req.param('id'), await c.req.text(), mode, revision);
      return imported.ok ? c.json(imported.value) : errorResponse(c, imported.error);
    })
    .post('/:id/faq/unanswered/dismiss', jsonBody(dismissSchema), (c) => {
      const dismissed = dismissUnanswered(deps, c.req.param('id'), c.req.valid('json').key);
      return dismissed.ok ? c.json(dismissed.value) : errorResponse(c, dismissed.error);
    });
}
