import type { JsonValue, NodeContext, Variables } from '@parley/shared';

/**
 * Rendering a request from templates. Values customers typed go into URLs and JSON bodies, so
 * they are escaped for where they land: "A&B" must stay one query value, a quote must not end a
 * JSON string.
 */

function escapeStrings(value: JsonValue, escape: (text: string) => string): JsonValue {
  if (typeof value === 'string') return escape(value);
  if (Array.isArray(value)) return value.map((item) => escapeStrings(item, escape));
  if (typeof value === 'object' && value !== null) {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) out[key] = escapeStrings(item, escape);
    return out;
  }
  return value;
}

function escapedVars(vars: Readonly<Variables>, escape: (text: string) => string): Variables {
  const out: Variables = {};
  for (const [name, value] of Object.entries(vars)) out[name] = escapeStrings(value, escape);
  return out;
}

export type RenderedUrl = { ok: true; url: string; host: string } | { ok: false; error: string };

/**
 * Renders a URL template. A variable that starts the template goes in as it is (it holds the base
 * address, such as {{bookingApiUrl}}); every other value is percent-encoded, so a customer's answer
 * cannot change the path ("../admin") or add query parameters.
 */
export function renderUrl(template: string, ctx: NodeContext): RenderedUrl {
  const leading = /^\s*\{\{[^{}]*\}\}/.exec(template);
  const head = leading ? ctx.render(leading[0]) : '';
  const rest = leading ? template.slice(leading[0].length) : template;
  const rendered = (head + (rest.includes('{{') ? ctx.render(rest, escapedVars(ctx.vars, encodeURIComponent)) : rest)).trim();
  if (rendered === '') return { ok: false, error: 'The web address is empty: check the variables it uses.' };
  let parsed: URL;
  try {
    parsed = new URL(rendered);
  } catch {
    return { ok: false, error: `"${rendered}" is not a web address; it must start with http:// or https://.` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { ok: false, error: `"${rendered}" is not a web address; it must start with http:// or https://.` };
  return { ok: true, url: parsed.href, host: parsed.host };
}

const jsonStringContent = (text: string): string => JSON.stringify(text).slice(1, -1);

/** Whether a body template is JSON, so values inside it need JSON escaping and a JSON content type. */
export function looksLikeJson(template: string): boolean {
  return /^\s*[[{]/.test(template);
}

export function renderBody(template: string, ctx: NodeContext): string {
  return looksLikeJson(template) ? ctx.render(template, escapedVars(ctx.vars, jsonStringContent)) : ctx.render(template);
}

/** Rendered header values; line breaks would start a new header, so they become spaces. */
export function renderHeaders(headers: readonly { name: string; value: string }[], ctx: NodeContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const header of headers) out[header.name] = ctx.render(header.value).replace(/[\r\n]+/g, ' ').trim();
  return out;
}
