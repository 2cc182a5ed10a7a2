import { defineChannel } from '../define';
import { telegramConfig } from './config';
import { parseTelegram } from './parse';
import { sendTelegram } from './send';
import { verifyTelegram } from './verify';

/** Telegram: a bot's webhook (setWebhook with a secret_token); replies through the Bot API. */
export const telegram = defineChannel({
  id: 'telegram',
  title: 'Telegram',
  config: telegramConfig,
  secrets: ['botToken', 'secretToken'],
  verify: verifyTelegram,
  parse: parseTelegram,
  send: sendTelegram,
  // Telegram: about 30 messages a second per bot (up to 1000 with paid broadcasts), and about one a second per chat, short bursts tolerated.
  rateLimit: { perSecond: 30, maxPerSecond: 1000, perChatPerSecond: 1, chatBurst: 3 },
});
