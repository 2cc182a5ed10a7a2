import { type NodeContext, type NodeStep, type Variables, defineNodeType, jsonValueSchema, next, wait } from '@parley/shared';
import { z } from 'zod';
import { looksLikeJson, renderBody, renderHeaders, renderUrl } from './request';
import { callError, statusError, valueAtPath } from './response';

const variableName = z.string().regex(/^[A-Za-z_][\w.]*$/, 'a variable name starts with a letter and holds letters, digits, _ or .');

const header = z.object({
  name: z
    .string()
    .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'a header name holds letters, digits and dashes, such as Authorization')
    .meta({ label: 'Header', placeholder: 'Authorization' }),
  value: z.string().max(4_000).meta({ label: 'Value', widget: 'template', placeholder: 'Bearer {{apiToken}}' }),
});

const mapping = z.object({
  path: z
    .string()
    .trim()
    .min(1, 'name the field of the response to read, such as rooms.available')
    .max(300)
    .meta({ label: 'Field in the response', placeholder: 'rooms.available', help: 'Dotted path; list items by number, as in items.0.name.' }),
  variable: variableName.meta({ label: 'Save in', widget: 'variable' }),
});

const config = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET').meta({ label: 'Method', widget: 'select' }),
  url: z
    .string()
    .trim()
    .min(1, 'the request needs a web address')
    .max(4_000)
    .meta({ label: 'URL', widget: 'url', placeholder: 'https://api.example.com/rooms?date={{date}}', help: 'Variables after the "?" are encoded for you.' }),
  headers: z.array(header).max(30).default([]).meta({ label: 'Headers', widget: 'list' }),
  body: z
    .string()
    .max(100_000)
    .optional()
    .meta({ label: 'Body', widget: 'code', help: 'Sent with POST, PUT, PATCH and DELETE. In a JSON body, variables are escaped for you.' }),
  timeoutMs: z
    .number()
    .int('the timeout must be a whole number of milliseconds')
    .min(100, 'the timeout must be at least 100 ms')
    .max(30_000, 'the timeout can be at most 30000 ms (30 seconds)')
    .default(5_000)
    .meta({ label: 'Timeout (ms)', widget: 'number' }),
  mappings: z.array(mapping).max(50).default([]).meta({ label: 'Save from the response', widget: 'list', help: 'A missing field clears its variable.' }),
  saveStatusAs: variableName.optional().meta({ label: 'Save the HTTP status in', widget: 'variable' }),
  errorVariable: variableName.default('httpError').meta({ label: 'Save errors in', widget: 'variable', help: 'A readable message when the call fails; cleared when it works.' }),
});

type Config = z.output<typeof config>;

const state = z.object({ effectId: z.string(), host: z.string() });

/** The effect result the server feeds back: the status and the body (parsed when it was JSON). */
const responseResult = z.object({ status: z.number().int(), body: jsonValueSchema.optional() });

function failure(data: Config, ctx: NodeContext, message: string, status: number | null): NodeStep {
  const set: Variables = { [data.errorVariable]: message };
  if (data.saveStatusAs) set[data.saveStatusAs] = status;
  return next('error', { set, events: [{ type: 'http.error', nodeId: ctx.nodeId, data: { message, status } }] });
}

function start(data: Config, ctx: NodeContext): NodeStep {
  const url = renderUrl(data.url, ctx);
  if (!url.ok) return failure(data, ctx, url.error, null);
  const headers = renderHeaders(data.headers, ctx);
  const sendsBody = data.method !== 'GET' && data.body !== undefined && data.body.trim() !== '';
  const body = sendsBody ? renderBody(data.body ?? '', ctx) : undefined;
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (body !== undefined && !hasContentType && looksLikeJson(data.body ?? '')) headers['Content-Type'] = 'application/json';
  const effectId = ctx.newId('http');
  return wait(
    { effectId, host: url.host },
    { effects: [{ kind: 'http', id: effectId, method: data.method, url: url.url, headers, ...(body === undefined ? {} : { body }), timeoutMs: data.timeoutMs }] },
  );
}

/** Calls a back-end (room vacancy, order status, CRM lookup) and saves fields of its JSON answer. */
export const httpNode = defineNodeType({
  type: 'http',
  title: 'HTTP request',
  category: 'Integrations',
  description: 'Calls a web API, saves fields of its answer in variables, and continues on "OK" or "Error".',
  icon: 'globe',
  config,
  state,
  ports: [
    { id: 'ok', label: 'OK', required: true },
    { id: 'error', label: 'Error' },
  ],
  variables: { writes: ['mappings[].variable', 'saveStatusAs', 'errorVariable'] },
  waitsForCustomer: false,
  enter: start,
  resume: (data, ctx, input, prior) => {
    // A state this version cannot read: call again rather than wait forever.
    if (!prior) return start(data, ctx);
    // Customers writing meanwhile, or results meant for others: keep waiting for ours.
    if (input.kind !== 'effect' || input.effectId !== prior.effectId) return wait(prior);
    if (!input.ok) return failure(data, ctx, callError(prior.host, input.error), null);
    const response = responseResult.safeParse(input.result);
    if (!response.success) return failure(data, ctx, `${prior.host} gave no readable answer.`, null);
    const { status, body } = response.data;
    if (status < 200 || status > 299) return failure(data, ctx, statusError(prior.host, status, body), status);
    const set: Variables = { [data.errorVariable]: null };
    if (data.saveStatusAs) set[data.saveStatusAs] = status;
    for (const { path, variable } of data.mappings) set[variable] = valueAtPath(body, path) ?? null;
    return next('ok', { set });
  },
});
