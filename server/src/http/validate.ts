import type { Context } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { type AppError, errorResponse } from '../errors';
import { fieldPath } from '@parley/shared';

// The type, then optional parameters: matched in place, with no split or trim on each message.
const JSON_MEDIA = /^\s*application\/([\w.-]+\+)?json\s*(;|$)/i;

/** Whether a Content-Type header says JSON (`application/json`, `application/ld+json`, with or without parameters). */
export function isJsonMediaType(contentType: string | undefined): boolean {
  return contentType === 'application/json' || (contentType !== undefined && JSON_MEDIA.test(contentType));
}

export function invalidInput(issues: readonly z.core.$ZodIssue[], where: string): AppError {
  const details = issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message }));
  const first = details[0];
  return {
    status: 400,
    code: 'invalid_input',
    field: first?.field,
    message: first ? `${where} ${first.field ? `field "${first.field}"` : ''}: ${first.message}`.replace('  ', ' ') : `Invalid ${where}.`,
    details,
  };
}

/** Validates a JSON body with a zod schema; the handler reads it typed with `c.req.valid('json')`. */
export const jsonBody = <S extends z.ZodType>(schema: S) =>
  validator('json', (value, c: Context) => {
    if (!isJsonMediaType(c.req.header('content-type')))
      return errorResponse(c, { status: 415, code: 'unsupported_media_type', message: 'Send the body as JSON with "Content-Type: application/json".' });
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : errorResponse(c, invalidInput(parsed.error.issues, 'Body'));
  });

/** Validates the query string; `c.req.valid('query')`. */
export const queryParams = <S extends z.ZodType>(schema: S) =>
  validator('query', (value, c: Context) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : errorResponse(c, invalidInput(parsed.error.issues, 'Query'));
  });
