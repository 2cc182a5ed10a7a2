/** Folds text for matching what a customer typed: case, accents and surrounding spaces ignored. */
export function fold(text: string): string {
  // Most answers are plain ASCII words ("dry", "under 30"): no accents to strip, no spaces to squeeze.
  if (PLAIN_WORDS.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const PLAIN_WORDS = /^[!-~]+(?: [!-~]+)*$/;

/** The customer's words in an inbound, if it carries any. */
export function inboundText(input: { kind: string; text?: string; title?: string; payload?: string }): string | undefined {
  if (input.kind === 'text') return input.text;
  if (input.kind === 'postback') return input.title ?? input.payload;
  return undefined;
}
