import { randomUUID } from 'node:crypto';
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
  let replyToken = to.context?.replyToken;
  const push = (messages: LineMessage[]) => callApi(io, { url: `${api}/v2/bot/message/push`, headers: { ...headers, 'x-line-retry-key': randomUUID() }, json: { to: to.customerId, messages } });
  return sendInOrder(batches(renderLine(replies, to.customerId)), async (call): Promise<ApiResult> => {
    if ('loading' in call) return callApi(io, { url: `${api}/v2/bot/chat/loading/start`, headers, json: { chatId: to.customerId, loadingSeconds: call.loading } });
    if (replyToken === undefined) return push(call.messages);
    const token = replyToken;
    replyToken = undefined;
    const replied = await callApi(io, { url: `${api}/v2/bot/message/reply`, headers, json: { replyToken: token, messages: call.messages } });
    return !replied.ok && replied.error.status === 400 ? push(call.messages) : replied;
  });
}
