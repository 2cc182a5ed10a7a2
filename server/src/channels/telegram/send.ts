import type { Reply } from '@parley/shared';
import { isJsonObject } from '@parley/shared';
import { type Throttle, callApi, sendInOrder } from '../http';
import type { Recipient, SendIo, SendResult } from '../types';
import type { TelegramConfig } from './config';
import { renderTelegram } from './render';

/** Telegram answers `{ ok: false, description }` when it refuses a call. */
const refusal = (body: unknown): string | undefined =>
  isJsonObject(body) && body.ok === false ? String(body.description ?? 'Telegram refused the call') : undefined;

/** Telegram's flood control: 429 with `parameters.retry_after`, in seconds. */
export function telegramThrottle(_status: number, body: unknown): Throttle | undefined {
  const seconds = isJsonObject(body) && isJsonObject(body.parameters) ? body.parameters.retry_after : undefined;
  return typeof seconds === 'number' && seconds >= 0 ? { retryAfterMs: seconds * 1000 } : undefined;
}

export function sendTelegram(replies: readonly Reply[], to: Recipient, config: TelegramConfig, io: SendIo): Promise<SendResult> {
  return sendInOrder(
    renderTelegram(replies, to),
    async (call) => {
      const result = await callApi(io, { url: `${io.apiUrls.telegram}/bot${config.botToken}/${call.method}`, json: call.body, throttle: telegramThrottle }, refusal);
      // Answering a tapped button only stops its spinner; an expired query must not hold the replies back.
      return call.method === 'answerCallbackQuery' && !result.ok ? { ok: true, status: result.error.status ?? 0, body: null } : result;
    },
    io.resumeAfter,
  );
}
