import type { CannedResponse } from '@parley/shared';

/** The shortcut being typed: a draft that is "/" and letters so far, nothing else. */
export function typedShortcut(draft: string): string | null {
  const match = /^\/([a-z0-9_-]*)$/i.exec(draft);
  return match ? (match[1] ?? '').toLowerCase() : null;
}

/** Canned responses offered in a team's conversation: its own and everyone's. */
export function cannedFor(canned: readonly CannedResponse[], teamKey: string): CannedResponse[] {
  return canned.filter((response) => response.teamKey === null || response.teamKey === teamKey);
}

/** Those whose shortcut starts with what was typed, exact match first, then by shortcut. */
export function matchCanned(canned: readonly CannedResponse[], typed: string): CannedResponse[] {
  return canned
    .filter((response) => response.shortcut.startsWith(typed))
    .sort((a, b) => Number(b.shortcut === typed) - Number(a.shortcut === typed) || a.shortcut.localeCompare(b.shortcut));
}
