import { retryAfterMs } from './rate';
import type { SendError, SendIo, SendResult } from './types';

export interface ApiCall {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as it is (when the bytes are signed); give its content-type in `headers`. */
  body?: string;
  /** Reads a platform's own way of saying "slow down" (Telegram's `retry_after`, Meta's throttling codes). */
  throttle?: ThrottleCheck;
}

/** A throttling answer: how long the platform asked to wait, and whether it concerns one chat only. */
export type Throttle = { retryAfterMs?: number; chatOnly?: boolean };
export type ThrottleCheck = (status: number, body: unknown) => Throttle | undefined;

export type ApiResult = { ok: true; status: number; body: unknown } | { ok: false; error: SendError };

/** Some platforms answer 200 with an error inside (Telegram `ok: false`, Viber `status`, WeChat `errcode`). */
export type BodyCheck = (body: unknown) => string | undefined;

const retryableStatus = (status: number) => status === 429 || status >= 500;

function readBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The platform's own words about a failure, kept short for the event log. */
function describe(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** 429 and 503 are throttling (with `Retry-After` in seconds or as a date); some platforms say it in the body. */
function throttleOf(response: Response, body: unknown, check: ThrottleCheck | undefined): Throttle | undefined {
  const said = check?.(response.status, body);
  if (!said && response.status !== 429 && response.status !== 503) return undefined;
  const header = retryAfterMs(response.headers.get('retry-after'));
  const wait = header ?? said?.retryAfterMs;
  return { ...said, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
}

/**
 * One call to a platform's API, time-limited (from when it may start: the connection's send-rate cap,
 * a pause the platform asked for and its limit of calls in flight come first); failures come back as
 * values, classified for retry.
 */
export async function callApi(io: SendIo, call: ApiCall, check?: BodyCheck): Promise<ApiResult> {
  const release = await io.pace?.();
  try {
    return await callNow(io, call, check);
  } finally {
    release?.();
  }
}

async function callNow(io: SendIo, call: ApiCall, check?: BodyCheck): Promise<ApiResult> {
  let response: Response;
  try {
    response = await io.fetch(call.url, {
      method: call.method ?? 'POST',
      headers: { ...(call.json === undefined ? {} : { 'content-type': 'application/json' }), ...call.headers },
      body: call.body ?? (call.json === undefined ? undefined : JSON.stringify(call.json)),
      signal: AbortSignal.timeout(io.timeoutMs),
    });
  } catch (error) {
    return { ok: false, error: { message: `could not reach ${new URL(call.url).host}: ${error instanceof Error ? error.message : String(error)}`, retryable: true } };
  }
  const body = readBody(await response.text().catch(() => ''));
  const throttle = throttleOf(response, body, call.throttle);
  if (throttle) return { ok: false, error: { status: response.status, message: describe(body), retryable: true, throttle } };
  if (!response.ok) return { ok: false, error: { status: response.status, message: describe(body), retryable: retryableStatus(response.status) } };
  const refused = check?.(body);
  if (refused !== undefined) return { ok: false, error: { status: response.status, message: refused, retryable: false } };
  return { ok: true, status: response.status, body };
}

/** A pause between messages (a typing indicator's delay); everything else is a platform call. */
export interface Pause {
  pause: number;
}

export const isPause = (step: object): step is Pause => 'pause' in step;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes the calls one after another, in order: the first failure stops the rest, so the customer
 * never sees a later message without an earlier one. A retry skips the calls an earlier attempt made.
 */
export async function sendInOrder<T extends object>(steps: readonly (T | Pause)[], one: (step: T, index: number) => Promise<ApiResult>, resumeAfter = 0): Promise<SendResult> {
  let calls = 0;
  for (const step of steps) {
    if (isPause(step)) {
      if (calls >= resumeAfter) await sleep(step.pause);
      continue;
    }
    const index = calls++;
    if (index < resumeAfter) continue;
    const result = await one(step, index);
    if (!result.ok) return { ok: false, sent: index, error: result.error };
  }
  return { ok: true, sent: calls };
}
