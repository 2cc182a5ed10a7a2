import type { Context } from 'hono';

/** An expected failure, as a value; `errorResponse` is the one place that turns it into HTTP. */
export interface AppError {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;
  code: string;
  message: string;
  field?: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppError): { ok: false; error: AppError } => ({ ok: false, error });

export const notFound = (what: string, id: string): AppError => ({ status: 404, code: 'not_found', message: `${what} "${id}" does not exist.` });

/** The JSON an error is answered with: `{ error: { code, message, field?, details? } }`. */
export function errorBody(error: AppError): { error: Record<string, unknown> } {
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.field !== undefined) body.field = error.field;
  if (error.details !== undefined) body.details = error.details;
  return { error: body };
}

export function errorResponse(c: Context, error: AppError): Response {
  return c.json(errorBody(error), error.status);
}

/** The answer to a bug (an exception nothing expected): a 500 that says nothing was lost. */
export const internalErrorBody = { error: { code: 'internal', message: 'Something went wrong on our side; nothing was lost. Please retry.' } };
