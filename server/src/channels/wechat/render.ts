import type { Reply } from '@parley/shared';
import { repliesAsText, split, utf8Bytes } from '../text';

/**
 * A WeChat text message holds 2048 bytes. Official Accounts have no buttons in chat: options and
 * cards are written as numbered lines the customer answers by typing the number (or the title).
 */
export const WECHAT_LIMITS = { textBytes: 2048 } as const;

export function renderWechat(replies: readonly Reply[]): string[] {
  const text = repliesAsText(replies);
  return text === '' ? [] : split(text, WECHAT_LIMITS.textBytes, utf8Bytes);
}
