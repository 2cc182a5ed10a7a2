import { type Card, type CardButton, type JsonValue, type NodeContext, type Product, type Reply, copyRecord } from '@parley/shared';
import { z } from 'zod';
import { fixedPerProducts } from './fixed-cards';

/** Product cards: their settings in a Products node, and how they are made from the catalog. */
export const cardButtonSchema = z
  .object({
    title: z.string().trim().min(1, 'every button needs a title').max(100).meta({ label: 'Title', widget: 'template' }),
    action: z.enum(['buy', 'url', 'postback']).default('buy').meta({ label: 'Action', widget: 'select', help: 'Buy selects the product; URL opens a link; Postback selects it with your own payload.' }),
    url: z.string().max(2_000).optional().meta({ label: 'Link', widget: 'template', placeholder: '{{product.url}}' }),
    payload: z
      .string()
      .max(1_000)
      .optional()
      .meta({ label: 'Payload', widget: 'template', help: 'Saved as the action; include {{product.sku}} so each card sends its own.' }),
  })
  .superRefine((b, ctx) => {
    if (b.action === 'url' && !b.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'a link button needs its URL' });
    if (b.action === 'postback' && !b.payload) ctx.addIssue({ code: 'custom', path: ['payload'], message: 'a postback button needs its payload' });
  });

export const cardSchema = z
  .object({
    title: z.string().max(500).default('{{product.title}}').meta({ label: 'Card title', widget: 'template' }),
    subtitle: z.string().max(1_000).default('{{product.currency}} {{product.price}}').meta({ label: 'Card subtitle', widget: 'template' }),
    imageUrl: z.string().max(2_000).default('{{product.imageUrl}}').meta({ label: 'Card image', widget: 'template' }),
  })
  .prefault({})
  .meta({ label: 'Card', help: 'Use {{product.title}}, {{product.price}}, {{product.attributes.<name>}}.' });

/** A card shown: enough to trace a tap or a typed title back to its product. */
export const shownSchema = z.object({ sku: z.string(), title: z.string(), payloads: z.array(z.string()) });
type Shown = z.output<typeof shownSchema>;

/** What of a Products node's settings its cards are made from. */
interface CardSetting {
  from: 'catalog' | 'variable';
  card: z.output<typeof cardSchema>;
  buttons: z.output<typeof cardButtonSchema>[];
}

/** What a list's items add to its products (a quiz's `reason`, `score`), for the card templates. */
export const extrasOf = new WeakMap<Product, { [key: string]: JsonValue }>();

/** A product as plain JSON, for templates and variables. */
export function productJson(product: Product): { [key: string]: JsonValue } {
  const json: { [key: string]: JsonValue } = {
    sku: product.sku,
    title: product.title,
    price: product.price,
    currency: product.currency,
    description: product.description,
    attributes: { ...product.attributes },
  };
  const imageUrl = product.imageUrl ?? product.images[0];
  if (imageUrl !== undefined) json.imageUrl = imageUrl;
  if (product.images.length > 0) json.images = [...product.images];
  if (Object.keys(product.options).length > 0) json.options = { ...product.options };
  if (product.variantOf !== undefined) json.variantOf = product.variantOf;
  if (product.url !== undefined) json.url = product.url;
  return json;
}

// Cards render the same catalog objects turn after turn; their JSON is only read by templates, so share it.
const renderScopes = new WeakMap<Product, { product: { [key: string]: JsonValue } }>();
function renderScope(product: Product): { product: { [key: string]: JsonValue } } {
  let scope = renderScopes.get(product);
  if (!scope) {
    scope = { product: copyRecord(productJson(product), extrasOf.get(product) ?? {}) };
    renderScopes.set(product, scope);
  }
  return scope;
}

export const BUY_PREFIX = 'buy:';

function cardOf(data: CardSetting, ctx: NodeContext, product: Product): { card: Card; shown: Shown } {
  const scope = renderScope(product);
  const buttons: CardButton[] = [];
  const payloads: string[] = [];
  for (const b of data.buttons) {
    const title = ctx.render(b.title, scope);
    if (b.action === 'url') buttons.push({ action: 'url', title, url: ctx.render(b.url ?? '', scope) });
    else {
      const payload = b.action === 'buy' ? BUY_PREFIX + product.sku : ctx.render(b.payload ?? '', scope);
      buttons.push({ action: 'postback', title, payload });
      payloads.push(payload);
    }
  }
  // Empty fields are left out, not sent blank; keys keep the reply schema's order.
  const subtitle = ctx.render(data.card.subtitle, scope);
  const imageUrl = ctx.render(data.card.imageUrl, scope);
  const card: Card = {
    title: ctx.render(data.card.title, scope),
    ...(subtitle.trim() === '' ? {} : { subtitle }),
    ...(imageUrl.trim() === '' ? {} : { imageUrl }),
    buttons,
  };
  return { card, shown: { sku: product.sku, title: product.title, payloads } };
}

interface Built {
  reply: Reply;
  shown: Shown[];
}

function buildCards(data: CardSetting, ctx: NodeContext, picked: readonly Product[]): Built {
  const built = picked.map((product) => cardOf(data, ctx, product));
  return { reply: { type: 'cards', cards: built.map((b) => b.card) }, shown: built.map((b) => b.shown) };
}

/** Every text of a card: when none reads more than the product, the catalog's cards are made once (fixed-cards.ts). */
function cardTemplates(data: CardSetting): string[] {
  const texts = [data.card.title, data.card.subtitle, data.card.imageUrl];
  for (const b of data.buttons) {
    texts.push(b.title);
    if (b.action === 'url') texts.push(b.url ?? '');
    if (b.action === 'postback') texts.push(b.payload ?? '');
  }
  return texts;
}

const cardsOnce = fixedPerProducts<CardSetting, Built>(cardTemplates);

/** The cards for these products, and what is kept of them to trace a choice back. */
export function cardsFor(data: CardSetting, ctx: NodeContext, picked: readonly Product[]): Built {
  const build = () => buildCards(data, ctx, picked);
  // A variable's list is copied afresh each turn (with its reasons): nothing to share.
  return data.from === 'catalog' ? cardsOnce(data, picked, build) : build();
}
