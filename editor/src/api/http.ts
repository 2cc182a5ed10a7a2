import { z } from 'zod';

/** An API error as the server sends it (`{ error: { code, message, field?, details? } }`), with the HTTP status. */
export interface ApiError {
  status: number;
  code: string;
  message: string;
  field?: string;
  details?: unknown;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.unknown().optional() }),
});

/**
 * How requests prove who sends them: the session cookie (sent by the browser) with its CSRF token
 * for unsafe methods, or a bearer token (the admin token, or a personal API token).
 */
interface Credentials {
  bearer: string | null;
  csrfToken: string | null;
}
const credentials: Credentials = { bearer: null, csrfToken: null };
let onUnauthorized: (() => void) | undefined;

export function setBearer(token: string | null): void {
  credentials.bearer = token;
}
export function setCsrfToken(token: string | null): void {
  credentials.csrfToken = token;
}
/** Called when the server answers 401 to a signed-in request: the session ended elsewhere. */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The fetch the API client uses; tests swap it for a server's `app.request`. */
let transport: typeof fetch = (input, init) => fetch(input, init);
export function setTransport(next: typeof fetch): void {
  transport = next;
}

export interface RequestOptions {
  body?: unknown;
  /** A raw body (file uploads); sent as is with this content type. */
  raw?: { text: string; contentType: string };
  /** Keep a 401 from signing the user out (the sign-in probes themselves). */
  quiet401?: boolean;
}

function headersFor(method: string, options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.raw) headers['content-type'] = options.raw.contentType;
  if (credentials.bearer) headers.authorization = `Bearer ${credentials.bearer}`;
  if (UNSAFE.has(method) && credentials.csrfToken) headers['x-csrf-token'] = credentials.csrfToken;
  return headers;
}

async function readError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  const parsed = errorBodySchema.safeParse(json);
  if (parsed.success) return { status: response.status, ...parsed.data.error };
  return { status: response.status, code: `http_${response.status}`, message: `The server answered ${response.status} ${response.statusText}`.trim() + '.' };
}

/** One API call, its answer checked against `schema`. Never throws: network failures are values too. */
export async function request<S extends z.ZodType>(method: string, path: string, schema: S, options: RequestOptions = {}): Promise<ApiResult<z.output<S>>> {
  let response: Response;
  try {
    response = await transport(path, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, options),
      body: options.raw ? options.raw.text : options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (error) {
    return { ok: false, error: { status: 0, code: 'offline', message: `The server cannot be reached (${error instanceof Error ? error.message : String(error)}). Check your connection.` } };
  }
  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    return { ok: false, error };
  }
  const json: unknown = response.status === 204 ? {} : await response.json().catch(() => undefined);
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, error: { status: response.status, code: 'unexpected_answer', message: `The server's answer to ${method} ${path} did not have the expected shape.` } };
  return { ok: true, value: parsed.data };
}

/** A raw download (flow export), as text. */
export async function download(path: string): Promise<ApiResult<string>> {
  try {
    const response = await transport(path, { credentials: 'same-origin', headers: headersFor('GET', {}) });
    if (!response.ok) return { ok: false, error: await readError(response) };
    return { ok: true, value: await response.text() };
  } catch (error) {
    return { ok: false, error: { status: 0, code: 'offline', message: `The server cannot be reached (${error instanceof Error ? error.message : String(error)}).` } };
  }
}
