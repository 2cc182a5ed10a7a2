import { z } from 'zod';

/**
 * Viber's reply buttons send their ActionBody as the customer's text. Each message Parley sends carries
 * `tracking_data` mapping those texts to the buttons' payloads, and Viber hands it back with the
 * customer's next message: that is how a tap is told from typing. Typing a button's text is choosing it.
 */
export type Taps = Record<string, { payload: string; title: string }>;

const MARK = 'parley:';
/** Viber's limit on tracking_data. */
export const TRACKING_LIMIT = 4096;

export function encodeTaps(taps: Taps): string | undefined {
  if (Object.keys(taps).length === 0) return undefined;
  const entries = Object.fromEntries(Object.entries(taps).map(([body, tap]) => [body, [tap.payload, tap.title]]));
  const encoded = MARK + JSON.stringify(entries);
  // Past the limit, buttons still send their text, which choice nodes match by title.
  return encoded.length <= TRACKING_LIMIT ? encoded : undefined;
}

const stored = z.record(z.string(), z.tuple([z.string(), z.string()]));

export function tapOf(trackingData: string | undefined, text: string): { payload: string; title: string } | undefined {
  if (!trackingData?.startsWith(MARK)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trackingData.slice(MARK.length));
  } catch {
    return undefined;
  }
  const parsed = stored.safeParse(value);
  const entry = parsed.success ? parsed.data[text] : undefined;
  return entry ? { payload: entry[0], title: entry[1] } : undefined;
}
