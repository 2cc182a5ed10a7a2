import { describe, expect, it } from 'vitest';
import { analyzerFor } from './language';

describe('faq language analysis', () => {
  it('picks the Snowball stemmer from the flow locale, region or not', () => {
    expect(analyzerFor('en').language).toBe('english');
    expect(analyzerFor('en-GB').language).toBe('english');
    expect(analyzerFor('fr_CA').language).toBe('french');
    expect(analyzerFor('DE').language).toBe('german');
    expect(analyzerFor('es-MX').language).toBe('spanish');
    expect(analyzerFor('no').language).toBe('norwegian');
    expect(analyzerFor('en-US')).toBe(analyzerFor('en'));
  });

  it('stems English word forms together and drops stop and chat words', () => {
    const en = analyzerFor('en');
    expect(['parking', 'park', 'parks'].map((w) => en.term(w))).toEqual(['park', 'park', 'park']);
    expect(en.terms('served serving serves')).toEqual(['serv', 'serv', 'serv']);
    expect(en.terms('Hi, pls can u tell me when breakfast is served?')).toEqual(['breakfast', 'serv']);
    expect(en.terms('hello, thanks!')).toEqual([]);
  });

  it('folds accents and case, joins hyphenated words and splits apostrophes', () => {
    const en = analyzerFor('en');
    expect(en.words("What's the Wi-Fi in the CAFÉ?")).toEqual(['what', 'the', 'wifi', 'wi', 'fi', 'in', 'the', 'cafe']);
    expect(en.terms('check-in time')).toEqual(['checkin', 'check', 'time']);
  });

  it('stems French, German and Spanish so accents and word forms do not matter', () => {
    const fr = analyzerFor('fr');
    expect(fr.terms("Est-ce que l'hôtel accepte les chiens ?")).toEqual(fr.terms('hotel accepter chien'));
    expect(fr.terms('annulation')).toEqual(fr.terms('annuler'));
    const de = analyzerFor('de');
    expect(de.terms('Gibt es Parkplätze?')).toEqual(de.terms('parkplatz'));
    expect(de.terms('Hunde')).toEqual(de.terms('Hund'));
    const es = analyzerFor('es');
    expect(es.terms('¿Se admiten perros en el hotel?')).toEqual(es.terms('admite perro hotel'));
  });

  it('folds only, keeping every word, in a language it has no stemmer for', () => {
    const unknown = analyzerFor('tlh');
    expect(unknown.language).toBeUndefined();
    expect(unknown.terms('The Parking')).toEqual(['the', 'parking']);
    expect(analyzerFor('xx-YY')).toBe(unknown);
    expect(analyzerFor('constructor')).toBe(unknown);
    expect(analyzerFor('__proto__')).toBe(unknown);
  });
});
