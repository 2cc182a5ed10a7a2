import type { Product } from '@parley/shared';
import { type FormEvent, useState } from 'react';
import { putProduct } from '../api/catalog';
import { Dialog } from '../components/Dialog';
import { Field } from './Field';
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
          <Field label="SKU" invalid={isInvalid('sku')} hint={creating ? undefined : 'A product keeps its SKU; to change it, add a new product and delete this one.'}>
            {(props) => <input {...props} required autoFocus={creating} readOnly={!creating} value={form.sku} onChange={(e) => set({ sku: e.target.value })} placeholder="BAG-NC" />}
          </Field>
          <Field label="Title" invalid={isInvalid('title')} className="span-2">
            {(props) => <input {...props} required autoFocus={!creating} value={form.title} onChange={(e) => set({ title: e.target.value })} />}
          </Field>
          <Field label="Description" invalid={isInvalid('description')} className="span-3">
            {(props) => <textarea {...props} rows={3} value={form.description} onChange={(e) => set({ description: e.target.value })} />}
          </Field>
          <Field label="Price" invalid={isInvalid('price')} hint="In major units: 59.90, not 5990.">
            {(props) => <input {...props} required inputMode="decimal" value={form.price} onChange={(e) => set({ price: e.target.value })} placeholder="59.90" />}
          </Field>
          <Field label="Currency" invalid={isInvalid('currency')} hint="Three letters: EUR, USD, JPY.">
            {(props) => <input {...props} required maxLength={3} value={form.currency} onChange={(e) => set({ currency: e.target.value.toUpperCase() })} placeholder="EUR" />}
          </Field>
          <Field label="Stock" invalid={isInvalid('stock')} hint="Empty: not tracked (never sells out).">
            {(props) => <input {...props} inputMode="numeric" value={form.stock} onChange={(e) => set({ stock: e.target.value })} placeholder="not tracked" />}
          </Field>
          <label className="check span-3">
            <input type="checkbox" checked={form.active} onChange={(e) => set({ active: e.target.checked })} /> Active: shown and sold
          </label>
          <Field label="Image address" invalid={isInvalid('imageUrl')} className="span-3" hint="The card's picture.">
            {(props) => <input {...props} type="url" value={form.imageUrl} onChange={(e) => set({ imageUrl: e.target.value })} placeholder="https://shop.example/front.jpg" />}
          </Field>
          <Field label="Product page" invalid={isInvalid('url')} className="span-3">
            {(props) => <input {...props} type="url" value={form.url} onChange={(e) => set({ url: e.target.value })} placeholder="https://shop.example/le-sillage" />}
          </Field>
        </div>
        <ImageRows images={form.images} invalid={isInvalid('images')} onChange={(images) => set({ images })} />
        <AttributeRows rows={form.attributes} invalid={(index) => isInvalid(`attributes.${index}`)} onChange={(attributes) => set({ attributes })} />
        <fieldset className="group">
          <legend>Variant</legend>
          <Field
            label="Variant of"
            invalid={isInvalid('variantOf')}
            hint={hasVariants ? 'This product has variants of its own, so it stays a main product.' : 'A variant is one version of a product (a colour, a size) with its own SKU, stock and price, in its product’s currency.'}
          >
            {(props) => (
              <select {...props} value={form.variantOf} disabled={hasVariants} onChange={(e) => chooseParent(e.target.value)}>
                <option value="">— none: a main product —</option>
                {form.variantOf && !parents.some((p) => p.sku === form.variantOf) && <option value={form.variantOf}>{form.variantOf}</option>}
                {parents.map((product) => (
                  <option key={product.sku} value={product.sku}>
                    {product.sku} · {product.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
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
