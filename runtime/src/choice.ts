import { fold } from './text';

/**
 * The option a typed answer names: its title, ignoring case and accents; else its number ("2" is the
 * second, as channels without buttons show numbered options); else its title's letters and digits
 * alone ("under 30" names "Under $30", "dry" names "🌵 Dry") when they name one option only.
 */
export function optionByTyping<T>(typed: string, options: readonly T[], titleOf: (option: T) => string): T | undefined {
  const folded = fold(typed);
  const exact = options.find((option) => fold(titleOf(option)) === folded);
  if (exact !== undefined) return exact;
  if (/^\d{1,2}$/.test(folded)) return options[Number(folded) - 1];
  const words = wordsOnly(folded);
  if (words === '') return undefined;
  const named = options.filter((option) => wordsOnly(fold(titleOf(option))) === words);
  return named.length === 1 ? named[0] : undefined;
}

/** Letters and digits, one space between runs: what is left of a title without its signs and emoji. */
const wordsOnly = (folded: string): string => folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
