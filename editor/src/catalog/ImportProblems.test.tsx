// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { rowProblemsOf } from '../api/catalog';
import { fileKind } from './ImportCatalogDialog';
import { ImportProblems, SHOWN_PROBLEMS } from './ImportProblems';

afterEach(cleanup);

/** A refused import as the server answers it (docs/api.md#products): 400 invalid_products, every problem in details. */
const refused = {
  status: 400,
  code: 'invalid_products',
  message: '2 rows have problems, so nothing was imported. First: row 2, price: price must be a number such as 12.50, not "ten".',
  details: [
    { row: 2, field: 'price', message: 'price must be a number such as 12.50, not "ten"' },
    { row: 2, field: 'currency', message: 'a currency is a three-letter ISO code such as USD' },
    { row: 4, field: '', message: 'this row has 5 values but the header names 4 columns' },
  ],
};

describe('the problems of a refused import', () => {
  it('reads the row problems from the error, and none from any other error', () => {
    expect(rowProblemsOf(refused)).toEqual(refused.details);
    expect(rowProblemsOf({ status: 400, code: 'invalid_csv', message: 'The header row needs a "sku" column.', field: 'sku' })).toEqual([]);
    expect(rowProblemsOf({ ...refused, details: [{ row: 'two' }] })).toEqual([]);
  });

  it('lists every problem as a row of a table (row, field, message) and says nothing was imported', () => {
    render(<ImportProblems problems={rowProblemsOf(refused)} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Nothing was imported.');
    expect(alert.textContent).toContain('2 rows have problems');
    const table = within(alert).getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Row', 'Field', 'Problem']);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['2', 'price', 'price must be a number such as 12.50, not "ten"'],
      ['2', 'currency', 'a currency is a three-letter ISO code such as USD'],
      ['4', 'the row', 'this row has 5 values but the header names 4 columns'],
    ]);
  });

  it('shows the first problems of a long report and says how many more there are', () => {
    const many = Array.from({ length: SHOWN_PROBLEMS + 25 }, (_, i) => ({ row: i + 1, field: 'sku', message: 'sku is required' }));
    render(<ImportProblems problems={many} />);
    expect(screen.getAllByRole('row')).toHaveLength(SHOWN_PROBLEMS + 1);
    expect(screen.getByText('…and 25 more problems not listed.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(`${SHOWN_PROBLEMS + 25} rows have problems`);
  });
});

describe('the media type of an imported file', () => {
  it('is read from the name, else from what the browser says', () => {
    expect(fileKind({ name: 'catalog.CSV', type: '' })).toBe('text/csv');
    expect(fileKind({ name: 'catalog.json', type: '' })).toBe('application/json');
    expect(fileKind({ name: 'export', type: 'text/csv' })).toBe('text/csv');
    expect(fileKind({ name: 'catalog.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).toBeUndefined();
  });
});
