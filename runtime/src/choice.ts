import { fold } from './text';

/**
 * The option a typed answer names: its number ("2" is the second, as channels without buttons show
 * numbered options) or its title, ignoring case and accents.
 */
export function optionByTyping<T>(typed: string, options: readonly T[], titleOf: (option: T) => string): T | undefined {
  const folded = fold(typed);
  if (/^\d{1,2}$/.test(folded)) return options[Number(folded) - 1];
  return options.find((option) => fold(titleOf(option)) === folded);
}
