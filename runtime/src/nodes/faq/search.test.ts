import { describe, expect, it } from 'vitest';
import { analyzerFor } from './language';
import { type FaqDocument, buildFaqIndex, rankQuestion } from './search';

const documents: FaqDocument[] = [
  { id: 'checkin', question: 'What time is check-in?', alternatives: ['When can I arrive?'], answer: 'From 3 pm.' },
  { id: 'parking', question: 'Do you have parking?', alternatives: ['Where can I park my car?'], answer: 'Our garage has charging points for electric cars.' },
  { id: 'wifi', question: 'Is there Wi-Fi?', alternatives: ['What is the wifi password?', 'Is the internet free?'], answer: 'Free, on the network "Harbor".' },
  { id: 'accessibility', question: 'Is the hotel wheelchair accessible?', alternatives: ['Is there a lift?'], answer: 'Step-free access and lifts to every floor.' },
  { id: 'pets', question: 'Are pets allowed?', alternatives: ['Can I bring my dog?'], answer: 'Dogs and cats are welcome, {{guest}}.' },
];
const index = buildFaqIndex(documents, analyzerFor('en'));
const rank = (question: string) => rankQuestion(index, question);
const best = (question: string) => rank(question).candidates[0];

describe('faq search', () => {
  it('ranks the entry asked about first, with a confidence in [0, 1]', () => {
    for (const [question, id] of [
      ['where do I park', 'parking'],
      ['what is the wi-fi password', 'wifi'],
      ['can i bring my dogs', 'pets'],
      ['is there an elevator or a lift', 'accessibility'],
    ] as const) {
      const top = best(question);
      expect(top?.id, question).toBe(id);
      expect(top?.confidence).toBeGreaterThan(0);
      expect(top?.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('is sure of the question as written, and of nothing for unknown words', () => {
    expect(best('Do you have parking?')?.confidence).toBeGreaterThan(0.8);
    expect(rank('do you sell shoes')).toEqual({ candidates: [], closeness: 0, ambiguous: false, offTopic: false });
    expect(rank('hello, thanks!')).toEqual({ candidates: [], closeness: 0, ambiguous: false, offTopic: false });
  });

  it('is less sure the more of the question the FAQ does not know', () => {
    const plain = best('parking')?.confidence ?? 0;
    const vague = best('parking near the opera house')?.confidence ?? 0;
    expect(vague).toBeGreaterThan(0);
    expect(vague).toBeLessThan(plain / 2);
  });

  it('reads misspelt and unfinished words as the FAQ words they are closest to', () => {
    expect(best('parkng')?.id).toBe('parking');
    expect(best('wifi pasword')?.id).toBe('wifi');
    expect(best('wheelchiar')?.id).toBe('accessibility');
    expect(best('accessib')?.id).toBe('accessibility');
    // A corrected word counts, but less than one typed right.
    expect(best('parkng')?.confidence ?? 1).toBeLessThan(best('parking')?.confidence ?? 0);
  });

  it('reads words written apart as the FAQ writes them together', () => {
    expect(best('wi fi')?.id).toBe('wifi');
    expect(best('check in')?.id).toBe('checkin');
  });

  it('leaves out numbers the FAQ does not use, rather than counting them as unknown words', () => {
    expect(best('parking at 9am')?.confidence).toBeCloseTo(best('parking')?.confidence ?? 0, 5);
  });

  it('searches answers too, at a low weight, and not their template variables', () => {
    expect(best('can I charge my electric car')?.id).toBe('parking');
    expect(best('guest')).toBeUndefined();
  });

  it('reports how close the runner-up is, which lowers the best confidence', () => {
    const clear = rank('wifi password');
    expect(clear.closeness).toBe(0);
    // "free" is in the wifi entry and the accessibility answer ("step-free"): wifi leads, not by much.
    const shared = rank('is it free');
    expect(shared.candidates.map((c) => c.id)).toEqual(['wifi', 'accessibility']);
    expect(shared.closeness).toBeGreaterThan(0);
    expect(shared.closeness).toBeLessThan(1);
    expect(shared.candidates[0]?.confidence ?? 1).toBeLessThan(best('wifi')?.confidence ?? 0);
  });

  it('calls a question ambiguous when the runner-up matches the same words, or nearly as well', () => {
    const free = buildFaqIndex(
      [
        { id: 'parking', question: 'Do you have parking?', alternatives: ['Is parking free?'], answer: 'Yes, behind the hotel.' },
        { id: 'wifi', question: 'Is there Wi-Fi?', alternatives: ['Is the internet free?'], answer: 'Yes, everywhere.' },
        { id: 'checkin', question: 'What time is check-in?', alternatives: [], answer: 'From 3 pm.' },
      ],
      analyzerFor('en'),
    );
    // Both entries say "free": the question cannot tell them apart.
    expect(rankQuestion(free, 'is it free')).toMatchObject({ ambiguous: true, candidates: [{ id: 'parking' }, { id: 'wifi' }] });
    // Shared words and an unknown one: the FAQ does not know what is asked about.
    expect(rankQuestion(free, 'is the pool free')).toMatchObject({ ambiguous: true, offTopic: true });
    expect(rankQuestion(free, 'is it free').offTopic).toBe(false);
    // "internet" is the wifi entry's alone.
    expect(rankQuestion(free, 'is the internet free')).toMatchObject({ ambiguous: false, candidates: [{ id: 'wifi' }, { id: 'parking' }] });
  });

  it('prefers the entry listed first on a tie', () => {
    const twins = buildFaqIndex(
      [
        { id: 'a', question: 'late checkout', alternatives: [], answer: 'Yes.' },
        { id: 'b', question: 'checkout late', alternatives: [], answer: 'Yes.' },
      ],
      analyzerFor('en'),
    );
    const ranking = rankQuestion(twins, 'Late checkout?');
    expect(ranking.candidates.map((c) => c.id)).toEqual(['a', 'b']);
    expect(ranking.closeness).toBe(1);
    expect(ranking.ambiguous).toBe(true);
  });

  it('matches in the language it was built for', () => {
    const french = buildFaqIndex(
      [
        { id: 'annulation', question: "Comment annuler ma réservation ?", alternatives: [], answer: 'Sans frais jusqu’à 48 h avant.' },
        { id: 'animaux', question: 'Les chiens sont-ils acceptés ?', alternatives: [], answer: 'Oui.' },
      ],
      analyzerFor('fr'),
    );
    expect(rankQuestion(french, "politique d'annulation des reservations").candidates[0]?.id).toBe('annulation');
    expect(rankQuestion(french, 'j’ai un chien').candidates[0]?.id).toBe('animaux');
  });
});
