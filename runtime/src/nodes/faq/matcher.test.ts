import { describe, expect, it } from 'vitest';
import { bestMatch, buildIndex, stem, tokenize } from './matcher';

describe('faq matcher', () => {
  it('stems common suffixes so word forms meet', () => {
    expect(['parking', 'park', 'parks'].map(stem)).toEqual(['park', 'park', 'park']);
    expect(['serve', 'served', 'serves', 'serving'].map(stem)).toEqual(['serv', 'serv', 'serv', 'serv']);
    expect(['swimming', 'boxes', 'families', 'quickly', 'pass', 'bus'].map(stem)).toEqual(['swim', 'box', 'family', 'quick', 'pass', 'bus']);
  });

  it('folds, drops stop words and joins hyphenated words', () => {
    expect(tokenize('Is there Wi-Fi in the Café?')).toEqual(['wifi', 'caf']);
    expect(tokenize("What's the check-in time?")).toEqual(['checkin', 'check', 'tim']);
  });

  it('scores 1 for the same words, 0 for none, and prefers the first entry on a tie', () => {
    const index = buildIndex([
      { id: 'a', phrases: ['late checkout'] },
      { id: 'b', phrases: ['checkout late'] },
    ]);
    expect(bestMatch(index, 'Late checkout?')).toMatchObject({ id: 'a' });
    expect(bestMatch(index, 'Late checkout?').score).toBeCloseTo(1);
    expect(bestMatch(index, 'shoes')).toEqual({ id: undefined, score: 0 });
  });
});
