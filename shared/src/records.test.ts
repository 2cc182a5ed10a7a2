import { expect, test } from 'vitest';
import { copyRecord, withEntry } from './records';

test('copies records key by key, later ones winning, without touching the originals', () => {
  const answers = { skin: 'Dry', finish: 'Matte' };
  const more = withEntry(answers, 'budget', 'Under $30');
  expect(more).toEqual({ skin: 'Dry', finish: 'Matte', budget: 'Under $30' });
  expect(answers).toEqual({ skin: 'Dry', finish: 'Matte' });
  expect(withEntry(answers, 'skin', 'Oily')).toEqual({ skin: 'Oily', finish: 'Matte' });
  expect(copyRecord({ a: 1, b: 2 }, { b: 3, c: 4 })).toEqual({ a: 1, b: 3, c: 4 });
  expect(copyRecord(Object.create({ inherited: 1 }))).toEqual({});
});
