import { sql } from 'drizzle-orm';
import type { Store } from '../db/open';
import { turns } from '../db/schema';
import { isLatestFromCustomer } from '../turns/chain';
import type { ServiceWindow } from './types';

/** `via: 'agent'`: open only for a person's reply, under the platform's agent allowance (Meta's HUMAN_AGENT). */
export type WindowState = { open: true; via?: 'agent' } | { open: false; lastInbound: string | null; reason: string };

/** Who a turn's replies are from: the bot, or a person answering from the inbox. */
export type Sender = 'bot' | 'agent';

const HOUR_MS = 3_600_000;

/**
 * Whether a conversation's service window is open, read from the turn log (the customer's latest
 * message) and the events (an `unsubscribed` after it closes the window).
 */
export function createWindowCheck({ db, sqlite }: Store) {
  // Only the customer writing (text, a tap, an attachment) opens or keeps open a window.
  const lastInbound = db
    .select({ createdAt: turns.createdAt })
    .from(turns)
    .where(isLatestFromCustomer(sql.placeholder('key')))
    .prepare();
  const closingEvent = sqlite.prepare<[string, string, string], string>('select type from events where conversation_id = ? and type = ? and created_at > ? limit 1').pluck();

  /** With `sender: 'agent'`, a person's reply: open for as long as the platform allows one (`agentHours`). */
  return function windowOf(window: ServiceWindow | undefined, conversation: { key: number; id: string }, now: Date, sender: Sender = 'bot'): WindowState {
    if (!window) return { open: true };
    const last = lastInbound.get({ key: conversation.key })?.createdAt ?? null;
    if (last === null) return { open: false, lastInbound: null, reason: 'the customer has not written yet' };
    for (const name of window.closedBy ?? [])
      if (closingEvent.get(conversation.id, `channel.${name}`, last) !== undefined) return { open: false, lastInbound: last, reason: `the customer ${name} after their last message` };
    const since = now.getTime() - Date.parse(last);
    if (window.hours === undefined || since <= window.hours * HOUR_MS) return { open: true };
    if (sender === 'agent' && window.agentHours !== undefined && since <= window.agentHours * HOUR_MS) return { open: true, via: 'agent' };
    const hours = sender === 'agent' && window.agentHours !== undefined ? window.agentHours : window.hours;
    return { open: false, lastInbound: last, reason: `more than ${hours} hours since the customer's last message` };
  };
}
