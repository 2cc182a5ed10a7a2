import { type Variables, formatValue } from '@parley/shared';

const MAX_LINES = 30;
const MAX_VALUE = 200;

// Kept by nodes for themselves: the FAQ's last match (its question is shown first), the hand-off's own
// state. A person reads what the customer said and what the flow collected, not the engine's bookkeeping.
const BOOKKEEPING = new Set(['handoff', 'faq']);

/** The question the FAQ could not answer (or that led here), when there was one. */
function lastQuestion(vars: Readonly<Variables>): string | undefined {
  const faq = vars.faq;
  if (faq === null || typeof faq !== 'object' || Array.isArray(faq)) return undefined;
  const question = faq.question;
  return typeof question === 'string' && question.trim() !== '' ? question.trim() : undefined;
}

/** The summary a person sees when none is configured: the customer's last question, then the variables, one a line. */
export function defaultSummary(vars: Readonly<Variables>): string {
  const lines: string[] = [];
  const question = lastQuestion(vars);
  if (question !== undefined) lines.push(`Asked: ${question.length > MAX_VALUE ? `${question.slice(0, MAX_VALUE)}…` : question}`);
  for (const [name, value] of Object.entries(vars)) {
    if (BOOKKEEPING.has(name)) continue;
    const text = formatValue(value).replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    lines.push(`${name}: ${text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text}`);
    if (lines.length === MAX_LINES) break;
  }
  return lines.length > 0 ? lines.join('\n') : 'No details collected.';
}

/** "Monday, March 2 at 9:00 AM": when the team opens, on the business's clock, in the bot's language. */
export function describeOpening(at: Date, timezone: string, locale: string): string {
  const options: Intl.DateTimeFormatOptions = { timeZone: timezone, weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  let text: string;
  try {
    text = new Intl.DateTimeFormat(locale, options).format(at);
  } catch {
    // A locale the platform does not know: English rather than nothing.
    text = new Intl.DateTimeFormat('en', options).format(at);
  }
  // Newer ICU puts narrow no-break spaces before "AM"; plain spaces survive every channel.
  return text.replace(/\s/gu, ' ');
}
