import type { Reply } from '@parley/shared';
import type { RawRequest, WebhookAnswer, WebhookMessage } from '../types';
import type { KakaoConfig } from './config';
import { renderKakao } from './render';

/** A skill answers its request with the response JSON; there is no push API for a skill server. */
export function answerKakao(_request: RawRequest, config: KakaoConfig, _item: WebhookMessage | undefined, replies: readonly Reply[]): WebhookAnswer {
  return { body: JSON.stringify(renderKakao(replies, config.blockId)), contentType: 'application/json; charset=utf-8', later: [] };
}
