// @vitest-environment happy-dom
import { type Product, productSchema } from '@parley/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProductPatch } from '../api/catalog';
import { type CatalogActions, CatalogTable } from './CatalogTable';
import { filterGroups, groupCatalog } from './rows';

afterEach(cleanup);

const product = (input: Partial<Product> & { sku: string }): Product => productSchema.parse({ title: input.sku, price: 10, currency: 'EUR', ...input });
const catalog = [
  product({ sku: 'BAG', title: 'Le Sillage', price: 4200, stock: 5, images: ['https://shop.example/front.jpg'], attributes: { edition: 'Numbered' } }),
  product({ sku: 'TEE', title: 'Tee', price: 20, currency: 'USD' }),
  product({ sku: 'BAG-NC', title: 'Le Sillage', price: 4200, variantOf: 'BAG', options: { Colour: 'Noir', Strap: 'Chain' }, stock: 1 }),
  product({ sku: 'BAG-CL', title: 'Le Sillage', price: 4400, variantOf: 'BAG', options: { Colour: 'Cognac', Strap: 'Leather' }, active: false }),
];

/** The table with actions that record each change and answer what the server would (`answers`, in order; saved when none is left). */
function renderTable(products: readonly Product[], options: { readOnly?: boolean; query?: string; answers?: (string | null)[] } = {}) {
  const patches: { sku: string; patch: ProductPatch }[] = [];
  const answers = [...(options.answers ?? [])];
  const actions: CatalogActions = {
    patch: async (target, patch) => {
      patches.push({ sku: target.sku, patch });
      return answers.shift() ?? null;
    },
    edit: () => undefined,
    addVariant: () => undefined,
    remove: () => undefined,
  };
  render(<CatalogTable groups={filterGroups(groupCatalog(products), options.query ?? '')} readOnly={options.readOnly ?? false} actions={actions} />);
  return { patches };
}

const skus = () => [...document.querySelectorAll('tr[data-sku]')].map((row) => row.getAttribute('data-sku'));
const row = (sku: string) => {
  const found = document.querySelector<HTMLElement>(`tr[data-sku="${sku}"]`);
  if (!found) throw new Error(`no row ${sku}`);
  return found;
};

describe('the catalog table', () => {
  it('shows each product followed by its variants, with their option values, thumbnail, price and stock', () => {
    renderTable(catalog);
    expect(skus()).toEqual(['BAG', 'BAG-NC', 'BAG-CL', 'TEE']);
    expect(row('BAG').textContent).toContain('2 variants');
    expect(row('BAG-NC').className).toContain('variant-row');
    expect(row('BAG-NC').textContent).toContain('Colour: Noir · Strap: Chain');
    expect(row('BAG-NC').textContent).toContain('variant of BAG');
    expect(row('BAG').querySelector('img')?.getAttribute('src')).toBe('https://shop.example/front.jpg');
    // A variant without a picture of its own shows its product's, as its card would.
    expect(row('BAG-NC').querySelector('img')?.getAttribute('src')).toBe('https://shop.example/front.jpg');
    expect(within(row('BAG')).getByLabelText('Stock of BAG')).toHaveProperty('value', '5');
    expect(within(row('TEE')).getByLabelText('Stock of TEE')).toHaveProperty('value', '');
    expect(within(row('BAG-CL')).getByLabelText('BAG-CL is for sale')).toHaveProperty('checked', false);
    expect(row('BAG').textContent).toContain('edition Numbered');
  });

  it('says how many variants a search left out', () => {
    renderTable(catalog, { query: 'cognac' });
    expect(skus()).toEqual(['BAG', 'BAG-CL']);
    expect(screen.getByText('1 more variant does not match the search.')).toBeTruthy();
  });

  it('saves a stock typed in its cell on Enter, and an empty one as not tracked', async () => {
    const user = userEvent.setup();
    const { patches } = renderTable(catalog);
    const stock = screen.getByLabelText('Stock of BAG-NC');
    await user.clear(stock);
    await user.type(stock, '3{Enter}');
    await user.clear(screen.getByLabelText('Stock of BAG'));
    await user.tab();
    expect(patches).toEqual([
      { sku: 'BAG-NC', patch: { stock: 3 } },
      { sku: 'BAG', patch: { stock: null } },
    ]);
  });

  it('refuses a stock that is not a whole number without saving, and puts the value back on Escape', async () => {
    const user = userEvent.setup();
    const { patches } = renderTable(catalog);
    const stock = screen.getByLabelText('Stock of BAG');
    await user.clear(stock);
    await user.type(stock, '1.5{Enter}');
    expect(within(row('BAG')).getByRole('alert').textContent).toBe('A whole number, or empty for not tracked.');
    expect(stock.getAttribute('aria-invalid')).toBe('true');
    await user.type(stock, '{Escape}');
    expect(stock).toHaveProperty('value', '5');
    expect(within(row('BAG')).queryByRole('alert')).toBeNull();
    expect(patches).toEqual([]);
  });

  it("shows the server's refusal under the cell it is about", async () => {
    const user = userEvent.setup();
    const { patches } = renderTable(catalog, { answers: ['Body field "price": a price cannot be negative.'] });
    const price = screen.getByLabelText('Price of TEE');
    await user.clear(price);
    await user.type(price, '25.5{Enter}');
    expect(patches).toEqual([{ sku: 'TEE', patch: { price: 25.5 } }]);
    expect(within(row('TEE')).getByRole('alert').textContent).toBe('Body field "price": a price cannot be negative.');
  });

  it('turns a product off and on with its switch', async () => {
    const user = userEvent.setup();
    const { patches } = renderTable(catalog);
    await user.click(screen.getByLabelText('BAG-CL is for sale'));
    expect(patches).toEqual([{ sku: 'BAG-CL', patch: { active: true } }]);
  });

  it('has no inputs or actions when the catalog is shared from another bot', () => {
    renderTable(catalog, { readOnly: true });
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(row('TEE').textContent).toContain('not tracked');
  });
});
