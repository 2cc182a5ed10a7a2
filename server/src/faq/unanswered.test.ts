import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { events } from '../db/schema';
import { type TestParley, testParley } from '../testing';
import { normalizeQuestion } from './normalize';
import { UNANSWERED, dismissUnanswered, listUnanswered } from './unanswered';

let parley: TestParley;
beforeEach(async () => {
  parley = testParley();
  await parley.request('POST', '/api/bots', { id: 'hotel', name: 'Hotel' });
  await parley.request('PUT', '/api/bots/hotel/faq', { faq: [{ id: 'gym', question: 'Is there a gym?', answer: { text: 'Yes.' } }] });
});
afterEach(() => parley.close());

/** A `faq.unanswered` event as the turn pipeline stores it. */
function asked(question: string, at: string, closestId: string | null = null, botId = 'hotel') {
  parley.deps.store.db.insert(events).values({ botId, type: UNANSWERED, nodeId: 'faq', data: JSON.stringify({ question, score: 0.1, closestId }), createdAt: at }).run();
}

describe('unanswered questions', () => {
  it('normalizes case, accents, punctuation and spacing', () => {
    expect(normalizeQuestion('  Où est la PISCINE ?!  ')).toBe('ou est la piscine');
    expect(normalizeQuestion('wi-fi   password')).toBe(normalizeQuestion('Wi fi password'));
  });

  it('names the entry that came closest most often, as the draft has it now; only this bot counts', () => {
    asked('gym opening hours?', '2026-03-01T10:00:00.000Z', 'gym');
    asked('Gym opening hours', '2026-03-02T10:00:00.000Z', 'gym');
    asked('gym opening hours', '2026-03-03T10:00:00.000Z', 'removed-entry');
    asked('sauna?', '2026-03-03T11:00:00.000Z', 'removed-entry');
    asked('gym opening hours', '2026-03-04T10:00:00.000Z', null, 'other-bot');
    const groups = listUnanswered(parley.deps, 'hotel');
    if (!groups.ok) throw new Error(groups.error.message);
    expect(groups.value).toEqual([
      { key: 'gym opening hours', count: 3, lastAskedAt: '2026-03-03T10:00:00.000Z', examples: ['gym opening hours', 'Gym opening hours', 'gym opening hours?'], closest: { id: 'gym', question: 'Is there a gym?' } },
      { key: 'sauna', count: 1, lastAskedAt: '2026-03-03T11:00:00.000Z', examples: ['sauna?'], closest: null },
    ]);
  });

  it('refuses an unknown bot and a key that is not on the list', () => {
    expect(listUnanswered(parley.deps, 'ghost')).toMatchObject({ ok: false, error: { status: 404 } });
    expect(dismissUnanswered(parley.deps, 'hotel', 'never asked')).toMatchObject({ ok: false, error: { status: 404, field: 'key' } });
  });
});
