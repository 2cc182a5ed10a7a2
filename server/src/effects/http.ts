import type { EffectResultInbound, HttpEffect, JsonValue } from '@parley/shared';
import { jsonValueSchema } from '@parley/shared';

const MAX_BODY_BYTES = 1_000_000;

async function readBody(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new Error(`the response is larger than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string, contentType: string): JsonValue {
  if (!contentType.includes('json')) return text;
  try {
    const parsed = jsonValueSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : text;
  } catch {
    return text;
  }
}

/** Calls a back-end for an HTTP node, within the node's time limit; never throws. */
export async function performHttp(effect: HttpEffect, fetcher: typeof fetch): Promise<EffectResultInbound> {
  try {
    const response = await fetcher(effect.url, {
      method: effect.method,
      headers: effect.headers,
      body: effect.method === 'GET' ? undefined : effect.body,
      signal: AbortSignal.timeout(effect.timeoutMs),
      redirect: 'follow',
    });
    const text = await readBody(response);
    return { kind: 'effect', effectId: effect.id, ok: true, result: { status: response.status, body: parseBody(text, response.headers.get('content-type') ?? '') } };
  } catch (error) {
    const message =
      error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
        ? `no answer within ${effect.timeoutMs} ms`
        : error instanceof Error
          ? error.message
          : String(error);
    return { kind: 'effect', effectId: effect.id, ok: false, error: message };
  }
}
