import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { errorResponse } from '../errors';
import { faqToCsv } from '../faq/csv';
import { faqViewSchema, unansweredSchema } from '../faq/schemas';
import { getFaq } from '../faq/table';
import { listUnanswered } from '../faq/unanswered';

const tag = 'FAQ';

/** Reading a bot's FAQ: the draft's table, as JSON or CSV, and the questions it could not answer. Agents may read. */
export function faqReadRoutes(deps: AppDeps) {
  deps.docs.add(
    { method: 'get', path: '/api/bots/{id}/faq', summary: "The draft's FAQ table, its revision and its problems", tag, responses: { 200: { description: 'The table', schema: faqViewSchema }, 404: { description: 'Unknown bot' } } },
    { method: 'get', path: '/api/bots/{id}/faq.csv', summary: "The draft's FAQ table as a CSV file", tag, responses: { 200: { description: 'text/csv, one entry a row' }, 404: { description: 'Unknown bot' } } },
    {
      method: 'get',
      path: '/api/bots/{id}/faq/unanswered',
      summary: 'Questions no FAQ entry answered, grouped by question, most asked first',
      tag,
      responses: { 200: { description: 'The groups', schema: unansweredSchema }, 404: { description: 'Unknown bot' } },
    },
  );
  return new Hono()
    .get('/:id/faq', (c) => {
      const faq = getFaq(deps, c.req.param('id'));
      return faq.ok ? c.json(faq.value) : errorResponse(c, faq.error);
    })
    .get('/:id/faq.csv', (c) => {
      const id = c.req.param('id');
      const faq = getFaq(deps, id);
      if (!faq.ok) return errorResponse(c, faq.error);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${id}-faq.csv"`);
      return c.body(faqToCsv(faq.value.faq));
    })
    .get('/:id/faq/unanswered', (c) => {
      const groups = listUnanswered(deps, c.req.param('id'));
      return groups.ok ? c.json({ groups: groups.value }) : errorResponse(c, groups.error);
    });
}
