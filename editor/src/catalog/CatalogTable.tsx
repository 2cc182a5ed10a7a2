import type { Product } from '@parley/shared';
import { useState } from 'react';
import type { ProductPatch } from '../api/catalog';
import { InlineNumber } from './InlineNumber';
import { type ProductGroup, describeOptions, formatMoney, thumbnailOf } from './rows';

export interface CatalogActions {
  /** Saves a change made in the table; answers an error message, or null once saved. */
  patch(product: Product, patch: ProductPatch): Promise<string | null>;
  edit(product: Product): void;
  addVariant(product: Product): void;
  remove(product: Product): void;
}

/** The product's picture; a variant without its own shows its product's, as the card does. */
function Thumbnail({ product, parent }: { product: Product; parent?: Product }) {
  const url = thumbnailOf(product) ?? (parent ? thumbnailOf(parent) : undefined);
  const [broken, setBroken] = useState(false);
  if (!url || broken) return <span className="thumb none" aria-hidden="true" />;
  return <img className="thumb" src={url} alt="" loading="lazy" width={44} height={44} onError={() => setBroken(true)} />;
}

function Attributes({ attributes }: { attributes: Product['attributes'] }) {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return <span className="hint">—</span>;
  return (
    <ul className="chips">
      {entries.map(([key, value]) => (
        <li key={key}>
          <span className="chip-key">{key}</span> {String(value)}
        </li>
      ))}
    </ul>
  );
}

function ActiveToggle({ product, readOnly, patch }: { product: Product; readOnly: boolean; patch: CatalogActions['patch'] }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  if (readOnly) return <span className={product.active ? 'badge live' : 'badge'}>{product.active ? 'Active' : 'Inactive'}</span>;
  return (
    <div className="inline-number">
      <label className="switch">
        <input
          type="checkbox"
          checked={product.active}
          disabled={saving}
          aria-label={`${product.sku} is for sale`}
          onChange={async (event) => {
            setSaving(true);
            setError((await patch(product, { active: event.target.checked })) ?? '');
            setSaving(false);
          }}
        />
        <span aria-hidden="true">{product.active ? 'Active' : 'Off'}</span>
      </label>
      {error && (
        <span className="cell-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function ProductRow({ product, parent, variantCount, readOnly, actions }: { product: Product; parent?: Product; variantCount?: number; readOnly: boolean; actions: CatalogActions }) {
  const variant = product.variantOf !== undefined;
  return (
    <tr className={`${variant ? 'variant-row' : 'product-row'}${product.active ? '' : ' inactive'}`} data-sku={product.sku}>
      <td className="thumb-cell">
        <Thumbnail product={product} parent={parent} />
      </td>
      <td className="sku-cell">
        <code>{product.sku}</code>
      </td>
      <td className="title-cell">
        {variant ? (
          <>
            <span className="variant-mark" aria-hidden="true">
              ↳
            </span>
            <strong>{describeOptions(product.options)}</strong>
            <span className="hint">
              {' '}
              variant of <code>{product.variantOf}</code>
              {product.title ? ` · ${product.title}` : ''}
            </span>
          </>
        ) : (
          <>
            <strong>{product.title}</strong>
            {variantCount !== undefined && variantCount > 0 && <span className="badge">{variantCount === 1 ? '1 variant' : `${variantCount} variants`}</span>}
            {product.description && <span className="description">{product.description}</span>}
          </>
        )}
      </td>
      <td className="num">
        {readOnly ? (
          formatMoney(product.price, product.currency)
        ) : (
          <span className="price-edit">
            <InlineNumber label={`Price of ${product.sku}`} value={product.price} save={(price) => (price === null ? Promise.resolve('Give a price.') : actions.patch(product, { price }))} />
            <span className="currency">{product.currency}</span>
          </span>
        )}
      </td>
      <td className="num">
        {readOnly ? (
          product.stock === null ? (
            <span className="hint" title="Not tracked: never sells out">
              not tracked
            </span>
          ) : (
            product.stock
          )
        ) : (
          <InlineNumber label={`Stock of ${product.sku}`} value={product.stock} whole emptyMeans="not tracked" save={(stock) => actions.patch(product, { stock })} />
        )}
      </td>
      <td>
        <ActiveToggle product={product} readOnly={readOnly} patch={actions.patch} />
      </td>
      <td>
        <Attributes attributes={product.attributes} />
      </td>
      {!readOnly && (
        <td className="row-actions">
          <button type="button" onClick={() => actions.edit(product)} aria-label={`Edit ${product.sku}`}>
            Edit
          </button>
          {!variant && (
            <button type="button" onClick={() => actions.addVariant(product)} aria-label={`Add a variant of ${product.sku}`}>
              + Variant
            </button>
          )}
          <button type="button" className="danger" onClick={() => actions.remove(product)} aria-label={`Delete ${product.sku}`}>
            Delete
          </button>
        </td>
      )}
    </tr>
  );
}

/** The catalog, each product followed by its variants; price, stock and active are changed in place. */
export function CatalogTable({ groups, readOnly, actions }: { groups: readonly ProductGroup[]; readOnly: boolean; actions: CatalogActions }) {
  return (
    <div className="table-scroll">
      <table className="table catalog-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">Image</span>
            </th>
            <th scope="col">SKU</th>
            <th scope="col">Product</th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Stock
            </th>
            <th scope="col">Active</th>
            <th scope="col">Attributes</th>
            {!readOnly && (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.product.sku} className="product-group">
            <ProductRow product={group.product} variantCount={group.variants.length + group.hiddenVariants} readOnly={readOnly} actions={actions} />
            {group.variants.map((variant) => (
              <ProductRow key={variant.sku} product={variant} parent={group.product} readOnly={readOnly} actions={actions} />
            ))}
            {group.hiddenVariants > 0 && (
              <tr className="variant-row hidden-note">
                <td />
                <td colSpan={readOnly ? 6 : 7} className="hint">
                  {group.hiddenVariants === 1 ? '1 more variant does' : `${group.hiddenVariants} more variants do`} not match the search.
                </td>
              </tr>
            )}
          </tbody>
        ))}
      </table>
    </div>
  );
}
