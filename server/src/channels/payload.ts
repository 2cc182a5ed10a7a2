import type { z } from 'zod';
import { type Result, fail, ok } from '../errors';
import { invalidInput } from '../http/validate';
import type { RawRequest } from './types';

export const bodyText = (request: RawRequest): string => Buffer.from(request.body).toString('utf8');

/** A webhook's JSON body checked against the documented shape; a mismatch names the field. */
export function jsonPayload<S extends z.ZodType>(request: RawRequest, schema: S, title: string): Result<z.output<S>> {
  let value: unknown;
  try {
    value = JSON.parse(bodyText(request));
  } catch {
    return fail({ status: 400, code: 'invalid_json', message: `The ${title} webhook body is not valid JSON.` });
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? ok(parsed.data) : fail(invalidInput(parsed.error.issues, `The ${title} webhook body`));
}

/** A shared location as a geo URI (RFC 5870), the attachment's URL. */
export const geoUri = (latitude: number, longitude: number): string => `geo:${latitude},${longitude}`;

/** The payment button's label: the amount, readable in any language. */
export const payLabel = (amount: number, currency: string): string => `💳 ${amount} ${currency}`;
