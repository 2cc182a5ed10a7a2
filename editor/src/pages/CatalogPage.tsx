import type { Product } from '@parley/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type Bot, getBot, listBots, listProducts } from '../api/bots';
import { type ProductPatch, deleteProduct, patchProduct } from '../api/catalog';
import { CatalogTable } from '../catalog/CatalogTable';
import { productsToCsv, productsToJson } from '../catalog/export';
import { ImportCatalogDialog } from '../catalog/ImportCatalogDialog';
import { type ProductEdit, ProductDialog } from '../catalog/ProductDialog';
import { filterGroups, groupCatalog } from '../catalog/rows';
import { SharedCatalog } from '../catalog/SharedCatalog';
import { Alert } from '../components/Alert';
import { BotPageHead } from '../components/BotPageHead';
import { ConfirmDialog } from '../components/Dialog';
import { Link } from '../components/Link';
import { catalogPath } from '../router';
import { saveFile } from './bots/bot-files';
import '../styles/commerce.css';

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; bot: Bot; bots: Bot[]; products: Product[] };
type Open = { dialog: 'product'; edit: ProductEdit } | { dialog: 'import' } | { dialog: 'delete'; product: Product } | null;

/** Groups shown at first and added by "Show more": a catalog can hold 50,000 products. */
const PAGE = 100;

/** Loads the bot, every bot (for shared catalogs) and the catalog it sells from. */
function useCatalog(botId: string) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const load = useCallback(async () => {
    const [bot, bots, products] = await Promise.all([getBot(botId), listBots(), listProducts(botId)]);
    if (!bot.ok) return setLoaded({ kind: 'failed', message: bot.error.message });
    if (!bots.ok) return setLoaded({ kind: 'failed', message: bots.error.message });
    if (!products.ok) return setLoaded({ kind: 'failed', message: products.error.message });
    setLoaded({ kind: 'ready', bot: bot.value, bots: bots.value.bots, products: products.value.products });
  }, [botId]);
  useEffect(() => {
    void load();
  }, [load]);
  return { loaded, setLoaded, load };
}

export function CatalogPage({ botId }: { botId: string }) {
  const { loaded, setLoaded, load } = useCatalog(botId);
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const products = loaded.kind === 'ready' ? loaded.products : [];
  const groups = useMemo(() => groupCatalog(products), [products]);
  const visible = useMemo(() => filterGroups(groups, query), [groups, query]);

  if (loaded.kind === 'loading') return <p className="page" aria-busy="true">Loading the catalog…</p>;
  if (loaded.kind === 'failed')
    return (
      <section className="page">
        <h1>This catalog cannot be opened</h1>
        <Alert>{loaded.message}</Alert>
        <p>
          <Link href="/">Back to your bots</Link>
        </p>
      </section>
    );

  const { bot, bots } = loaded;
  const readOnly = bot.catalogBotId !== null;
  const owner = readOnly ? bots.find((other) => other.id === bot.catalogBotId) : undefined;
  const variantCount = products.filter((product) => product.variantOf !== undefined).length;
  const replace = (next: Product) =>
    setLoaded((old) => (old.kind === 'ready' ? { ...old, products: old.products.map((product) => (product.sku === next.sku ? next : product)) } : old));
  const say = (text: string) => {
    setError('');
    setNotice(text);
  };

  async function patch(product: Product, change: ProductPatch): Promise<string | null> {
    const saved = await patchProduct(bot.id, product.sku, change);
    if (!saved.ok) return saved.error.message;
    replace(saved.value);
    return null;
  }

  async function remove(product: Product) {
    const deleted = await deleteProduct(bot.id, product.sku);
    if (!deleted.ok) {
      setNotice('');
      return setError(deleted.error.code === 'has_variants' ? `${product.sku} was not deleted: ${deleted.error.message}` : deleted.error.message);
    }
    say(`Deleted ${product.sku}.`);
    await load();
  }

  async function download(format: 'csv' | 'json') {
    // The file is the catalog as the server has it now, not as this page last loaded it.
    const fresh = await listProducts(bot.id);
    if (!fresh.ok) return setError(fresh.error.message);
    const name = `${bot.catalogBotId ?? bot.id}-catalog.${format}`;
    if (format === 'csv') saveFile(name, productsToCsv(fresh.value.products), 'text/csv');
    else saveFile(name, productsToJson(fresh.value.products));
  }

  const summary =
    products.length === 0
      ? ''
      : `${groups.length} ${groups.length === 1 ? 'product' : 'products'}${variantCount > 0 ? `, ${variantCount} ${variantCount === 1 ? 'variant' : 'variants'}` : ''}${query.trim() ? ` · ${visible.length} shown` : ''}`;

  return (
    <section className="page wide">
      <BotPageHead botId={bot.id} botName={bot.name} section="catalog" title="Catalog">
        <button type="button" onClick={() => void download('csv')} disabled={products.length === 0}>
          Export CSV
        </button>
        <button type="button" onClick={() => void download('json')} disabled={products.length === 0}>
          Export JSON
        </button>
        {!readOnly && (
          <>
            <button type="button" onClick={() => setOpen({ dialog: 'import' })}>
              Import a file
            </button>
            <button type="button" className="primary" onClick={() => setOpen({ dialog: 'product', edit: { kind: 'new' } })}>
              Add a product
            </button>
          </>
        )}
      </BotPageHead>
      <SharedCatalog bot={bot} bots={bots} onChanged={() => void load()} />
      <Alert>{error}</Alert>
      <Alert tone="success">{notice}</Alert>
      {products.length === 0 ? (
        readOnly ? (
          <div className="empty">
            <h2>{owner?.name ?? bot.catalogBotId} has no products yet</h2>
            <p>This bot sells from that catalog: add products there, and they show here.</p>
            <Link className="button-link" href={catalogPath(bot.catalogBotId ?? '')}>
              Open that catalog
            </Link>
          </div>
        ) : (
          <div className="empty">
            <h2>No products yet</h2>
            <p>
              Products are what the bot's Products, Choose options, Cart and Payment steps show and sell. Add them one at a time, or import a CSV or JSON file from your shop (one row per product; a variant names its product in{' '}
              <code>variantOf</code>).
            </p>
            <div className="actions">
              <button type="button" className="primary" onClick={() => setOpen({ dialog: 'product', edit: { kind: 'new' } })}>
                Add a product
              </button>
              <button type="button" onClick={() => setOpen({ dialog: 'import' })}>
                Import a file
              </button>
            </div>
          </div>
        )
      ) : (
        <>
          <div className="table-tools">
            <label className="search-box">
              <span className="sr-only">Search the catalog</span>
              <input
                type="search"
                placeholder="Search SKU, title, attributes, options…"
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setShown(PAGE);
                }}
              />
            </label>
            <p className="hint" aria-live="polite">
              {summary}
            </p>
          </div>
          {visible.length === 0 ? (
            <p className="empty-line">
              No product matches “{query}”.{' '}
              <button type="button" className="link" onClick={() => setQuery('')}>
                Clear the search
              </button>
            </p>
          ) : (
            <CatalogTable
              groups={visible.slice(0, shown)}
              readOnly={readOnly}
              actions={{
                patch,
                edit: (product) => setOpen({ dialog: 'product', edit: { kind: 'edit', product } }),
                addVariant: (product) =>
                  setOpen({
                    dialog: 'product',
                    edit: {
                      kind: 'new',
                      seed: {
                        title: product.title,
                        price: String(product.price),
                        currency: product.currency,
                        variantOf: product.sku,
                        sku: `${product.sku}-`,
                        // The option names its other variants use, to fill in.
                        options: [...new Set(products.filter((p) => p.variantOf === product.sku).flatMap((p) => Object.keys(p.options)))].map((name) => ({ name, value: '' })),
                      },
                    },
                  }),
                remove: (product) => setOpen({ dialog: 'delete', product }),
              }}
            />
          )}
          {visible.length > shown && (
            <button type="button" onClick={() => setShown((count) => count + PAGE)}>
              Show {Math.min(PAGE, visible.length - shown)} more of {visible.length - shown}
            </button>
          )}
        </>
      )}
      {open?.dialog === 'product' && (
        <ProductDialog
          botId={bot.id}
          edit={open.edit}
          catalog={products}
          onSaved={(product, created) => {
            say(created ? `Added ${product.sku}.` : `Saved ${product.sku}.`);
            void load();
          }}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.dialog === 'import' && (
        <ImportCatalogDialog
          botId={bot.id}
          onImported={(count) => {
            setOpen(null);
            say(`Imported ${count} ${count === 1 ? 'product' : 'products'}: the catalog is the file's now.`);
            void load();
          }}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.dialog === 'delete' && (
        <ConfirmDialog
          title={`Delete ${open.product.sku}?`}
          message={
            <p>
              “{open.product.title}” leaves the catalog: flows no longer show or sell it. Orders already made keep their lines.
              {products.some((p) => p.variantOf === open.product.sku) && ' It still has variants: delete them first.'}
            </p>
          }
          confirm="Delete the product"
          danger
          onConfirm={() => void remove(open.product)}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
