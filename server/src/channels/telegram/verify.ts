import { headerMatches } from '../signing';
import type { RawRequest } from '../types';
import type { TelegramConfig } from './config';

/** Telegram signs nothing: it echoes the webhook's secret_token in a header, compared in constant time. */
export const verifyTelegram = (request: RawRequest, config: TelegramConfig): boolean =>
  headerMatches(request.headers.get('x-telegram-bot-api-secret-token'), config.secretToken);
