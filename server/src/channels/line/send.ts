import { createHash, randomUUID } from 'node:crypto';
import type { Reply } from '@parley/shared';
import { type ApiResult, type Pause, callApi, isPause, sendInOrder } from '../http';
import type { Recipient, SendIo, SendResult } from '../types';
import type { LineConfig } from './config';
import { LINE_LIMITS, type LineMessage, type LineStep, renderLine } from './render';

type Call = { messages: LineMessage[] } | { loading: number };

/** Messages go five to a request; a loading animation or a pause ends a request. */
function batches(steps: readonly (LineStep | Pause)[]): (Call | Pause)[] {
  const calls: (Call | Pause)[] = [];
  let current: LineMessage[] = [];
  const flush = () => {
    if (current.length > 0) calls.push({ messages: current });
    current = [];
  };
  for (const step of steps) {
    if (!isPause(step) && 'message' in step) {
      current.push(step.message);
      if (current.length === LINE_LIMITS.messagesPerRequest) flush();
      continue;
    }
    flush();
    calls.push(step);
  }
  flush();
  return calls;
}

/**
 * The first request answers with the event's reply token (free, valid for a short while, once);
 * the rest, and a first one whose token has expired, are pushed to the chat with a retry key.
 */
export function sendLine(replies: readonly Reply[], to: Recipient, config: LineConfig, io: SendIo): Promise<SendResult> {
  const api = io.apiUrls.line;
  const headers = { authorization: `Bearer ${config.channelAccessToken}` };
  // A retry reuses its keys (LINE accepts each push once), and a reply token only works the first time.
  let replyToken = io.resumeAfter ? undefined : to.context?.replyToken;
  const push = (messages: LineMessage[], index: number) =>
    callApi(io, { url: `${api}/v2/bot/message/push`, headers: { ...headers, 'x-line-retry-key': retryKey(io.deliveryKey, index) }, json: { to: to.customerId, messages } });
  const call = async (step: Call, index: number): Promise<ApiResult> => {
    if ('loading' in step) return callApi(io, { url: `${api}/v2/bot/chat/loading/start`, headers, json: { chatId: to.customerId, loadingSeconds: step.loading } });
    if (replyToken === undefined) return push(step.messages, index);
    const token = replyToken;
    replyToken = undefined;
    const replied = await callApi(io, { url: `${api}/v2/bot/message/reply`, headers, json: { replyToken: token, messages: step.messages } });
    return !replied.ok && replied.error.status === 400 ? push(step.messages, index) : replied;
  };
  return sendInOrder(batches(renderLine(replies, to.customerId)), call, io.resumeAfter);
}

/** A UUID made from the delivery and the call, the same on every attempt (random without a delivery key). */
function retryKey(deliveryKey: string | undefined, index: number): string {
  if (deliveryKey === undefined) return randomUUID();
  const hex = createHash('sha256').update(`${deliveryKey}#${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
