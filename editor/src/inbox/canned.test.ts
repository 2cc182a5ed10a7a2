import { cannedResponseSchema } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { cannedFor, matchCanned, typedShortcut } from './canned';

const canned = (shortcut: string, teamKey: string | null = null) => cannedResponseSchema.parse({ id: shortcut, shortcut, text: `Text of ${shortcut}`, teamKey, createdAt: '2026-11-25T10:00:00Z' });

describe('canned responses in the reply box', () => {
  it('reads a shortcut only while the draft is "/" and a word', () => {
    expect(typedShortcut('/')).toBe('');
    expect(typedShortcut('/Hour')).toBe('hour');
    expect(typedShortcut('/late-out')).toBe('late-out');
    expect(typedShortcut('hello /hours')).toBeNull();
    expect(typedShortcut('/hours and more')).toBeNull();
  });

  it("offers a team's own and everyone's, exact shortcut first", () => {
    const all = [canned('hours-spa'), canned('hours'), canned('parking', 'valet'), canned('bye', 'front-desk')];
    const offered = cannedFor(all, 'front-desk');
    expect(offered.map((c) => c.shortcut)).toEqual(['hours-spa', 'hours', 'bye']);
    expect(matchCanned(offered, 'hours').map((c) => c.shortcut)).toEqual(['hours', 'hours-spa']);
    expect(matchCanned(offered, '').map((c) => c.shortcut)).toEqual(['bye', 'hours', 'hours-spa']);
    expect(matchCanned(offered, 'x')).toEqual([]);
  });
});
