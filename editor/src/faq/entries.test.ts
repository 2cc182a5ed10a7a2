import { faqEntrySchema } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { buttonsToText, entryId, filterEntries, newEntry, textToButtons } from './entries';

const entry = (id: string, question: string, extra: Record<string, unknown> = {}) => faqEntrySchema.parse({ id, question, answer: { text: `${question} answer` }, ...extra });

describe('FAQ entries', () => {
  const entries = [entry('wifi', 'Is there Wi-Fi?', { alternatives: ['wireless password'] }), entry('spa', 'Spa hours?', { tags: ['wellness'] }), entry('cafe', 'Café open?')];

  it('filters on every word, across question, phrasings, answer and tags, ignoring case and accents', () => {
    expect(filterEntries(entries, '').map((e) => e.id)).toEqual(['wifi', 'spa', 'cafe']);
    expect(filterEntries(entries, 'PASSWORD').map((e) => e.id)).toEqual(['wifi']);
    expect(filterEntries(entries, 'wellness spa').map((e) => e.id)).toEqual(['spa']);
    expect(filterEntries(entries, 'cafe').map((e) => e.id)).toEqual(['cafe']);
    expect(filterEntries(entries, 'spa wifi')).toEqual([]);
  });

  it('makes unique readable ids', () => {
    expect(entryId('What time is check-in?', new Set())).toBe('what-time-is-check-in');
    expect(entryId('What time is check-in?', new Set(['what-time-is-check-in']))).toBe('what-time-is-check-in-2');
    expect(entryId('', new Set(['entry']))).toBe('entry-2');
    expect(newEntry(new Set(), { question: 'Gym?', alternatives: ['gym hours'] })).toEqual({
      id: 'gym',
      question: 'Gym?',
      alternatives: ['gym hours'],
      answer: { text: '', buttons: [] },
      tags: [],
      enabled: true,
    });
  });

  it('reads and writes buttons one a line', () => {
    const buttons = textToButtons('Book => https://hotel.test/book\n\nAgent => agent\nMenu');
    expect(buttons).toEqual([
      { title: 'Book', url: 'https://hotel.test/book' },
      { title: 'Agent', payload: 'agent' },
      { title: 'Menu', payload: 'Menu' },
    ]);
    expect(textToButtons(buttonsToText(buttons))).toEqual(buttons);
  });
});
