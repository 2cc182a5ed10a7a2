import type { Product } from '@parley/shared';
import { type FormEvent, useState } from 'react';
import { putProduct } from '../api/catalog';
import { Dialog } from '../components/Dialog';
import { type FormProblem, type ProductForm, emptyForm, formFromProduct, productFromForm } from './product-form';
import { AttributeRows, ImageRows, OptionRows } from './ProductRows';
import { mainProducts } from './rows';

export type ProductEdit = { kind: 'new'; seed?: Partial<ProductForm> } | { kind: 'edit'; product: Product };

/** Adds a product (or a variant of one) or edits one, every field; saved with PUT as a whole product. */
export function ProductDialog({ botId, edit, catalog, onSaved, onClose }: { botId: string; edit: ProductEdit; catalog: readonly Product[]; onSaved(product: Product, created: boolean): void; onClose(): void }) {
  const [form, setForm] = useState<ProductForm>(edit.kind === 'edit' ? formFromProduct(edit.product) : emptyForm(edit.seed));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (changes: Partial<ProductForm>) => setForm((old) => ({ ...old, ...changes }));
  const creating = edit.kind === 'new';
  const isInvalid = (field: string) => problems.some((problem) => problem.field === field || problem.field.startsWith(`${field}.`));
  const invalid = (field: string) => (isInvalid(field) ? true : undefined);
  const hasVariants = edit.kind === 'edit' && catalog.some((product) => product.variantOf === edit.product.sku);
  const parents = mainProducts(catalog).filter((product) => product.sku !== form.sku.trim());

  /** A variant takes its product's currency, and asks for its first option value. */
  function chooseParent(variantOf: string) {
    const parent = parents.find((product) => product.sku === variantOf);
    set({ variantOf, ...(parent && !form.currency.trim() ? { currency: parent.currency } : {}), ...(variantOf && form.options.length === 0 ? { options: [{ name: '', value: '' }] } : {}) });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const built = productFromForm(form);
    if (!built.ok) return setProblems(built.problems);
    const taken = creating ? catalog.find((product) => product.sku === built.sku) : undefined;
    if (taken) return setProblems([{ field: 'sku', message: `SKU "${built.sku}" is already used by "${taken.title}": edit that product, or give this one another SKU.` }]);
    setBusy(true);
    const saved = await putProduct(botId, built.sku, built.body);
    setBusy(false);
    if (!saved.ok) return setProblems([{ field: saved.error.field ?? '', message: saved.error.message }]);
    onSaved(saved.value, creating);
    onClose();
  }

  const title = edit.kind === 'edit' ? `Edit ${edit.product.sku}` : form.variantOf ? `Add a variant of ${form.variantOf}` : 'Add a product';
  return (
    <Dialog title={title} onClose={onClose} wide>
      <form className="dialog-body product-form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <label>
            SKU
            <input required autoFocus={creating} readOnly={!creating} aria-invalid={invalid('sku')} value={form.sku} onChange={(e) => set({ sku: e.target.value })} placeholder="BAG-NC" />
            {!creating && <span className="hint">A product keeps its SKU; to change it, add a new product and delete this one.</span>}
          </label>
          <label className="span-2">
            Title
            <input required autoFocus={!creating} aria-invalid={invalid('title')} value={form.title} onChange={(e) => set({ title: e.target.value })} />
          </label>
          <label className="span-3">
            Description
            <textarea rows={3} aria-invalid={invalid('description')} value={form.description} onChange={(e) => set({ description: e.target.value })} />
          </label>
          <label>
            Price
            <input required inputMode="decimal" aria-invalid={invalid('price')} value={form.price} onChange={(e) => set({ price: e.target.value })} placeholder="59.90" />
            <span className="hint">In major units: 59.90, not 5990.</span>
          </label>
          <label>
            Currency
            <input required maxLength={3} aria-invalid={invalid('currency')} value={form.currency} onChange={(e) => set({ currency: e.target.value.toUpperCase() })} placeholder="EUR" />
          </label>
          <label>
            Stock
            <input inputMode="numeric" aria-invalid={invalid('stock')} value={form.stock} onChange={(e) => set({ stock: e.target.value })} placeholder="not tracked" />
            <span className="hint">Empty: not tracked (never sells out).</span>
          </label>
          <label className="check">
            <input type="checkbox" checked={form.active} onChange={(e) => set({ active: e.target.checked })} /> Active: shown and sold
          </label>
          <label className="span-2">
            Image address
            <input type="url" aria-invalid={invalid('imageUrl')} value={form.imageUrl} onChange={(e) => set({ imageUrl: e.target.value })} placeholder="https://shop.example/front.jpg" />
          </label>
          <label className="span-3">
            Product page
            <input type="url" aria-invalid={invalid('url')} value={form.url} onChange={(e) => set({ url: e.target.value })} placeholder="https://shop.example/le-sillage" />
          </label>
        </div>
        <ImageRows images={form.images} invalid={isInvalid('images')} onChange={(images) => set({ images })} />
        <AttributeRows rows={form.attributes} invalid={(index) => isInvalid(`attributes.${index}`)} onChange={(attributes) => set({ attributes })} />
        <fieldset className="group">
          <legend>Variant</legend>
          <label>
            Variant of
            <select aria-invalid={invalid('variantOf')} value={form.variantOf} disabled={hasVariants} onChange={(e) => chooseParent(e.target.value)}>
              <option value="">— none: a main product —</option>
              {form.variantOf && !parents.some((p) => p.sku === form.variantOf) && <option value={form.variantOf}>{form.variantOf}</option>}
              {parents.map((product) => (
                <option key={product.sku} value={product.sku}>
                  {product.sku} · {product.title}
                </option>
              ))}
            </select>
            <span className="hint">{hasVariants ? 'This product has variants of its own, so it stays a main product.' : 'A variant is one version of a product (a colour, a size) with its own SKU, stock and price, in its product’s currency.'}</span>
          </label>
          {(form.variantOf !== '' || form.options.length > 0) && (
            <OptionRows rows={form.options} invalid={(index) => isInvalid(`options.${index}`) || (index === 0 && problems.some((p) => p.field === 'options'))} onChange={(options) => set({ options })} />
          )}
        </fieldset>
        {problems.length > 0 && (
          <ul className="form-problems" role="alert">
            {problems.map((problem, index) => (
              <li key={index}>{problem.message}</li>
            ))}
          </ul>
        )}
        <footer className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy} aria-busy={busy || undefined}>
            {creating ? 'Add the product' : 'Save'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
