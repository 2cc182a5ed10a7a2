import { defineChannel } from '../define';
import { viberConfig } from './config';
import { parseViber } from './parse';
import { sendViber } from './send';
import { verifyViber } from './verify';

/** Viber bots through the REST Bot API: signed callbacks; replies with keyboards and rich media. */
export const viber = defineChannel({
  id: 'viber',
  title: 'Viber',
  config: viberConfig,
  secrets: ['authToken'],
  verify: verifyViber,
  parse: parseViber,
  send: sendViber,
  // Viber publishes no per-second figure: a moderate default, raised per connection if needed.
  rateLimit: { perSecond: 50, maxPerSecond: 500 },
  // The REST Bot API sends only to users who wrote to (subscribed to) the bot and did not unsubscribe since.
  window: { closedBy: ['unsubscribed'] },
});
