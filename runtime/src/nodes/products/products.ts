import {
  type Inbound,
  type NodeContext,
  type Product,
  type Reply,
  defineNodeType,
  isFromCustomer,
  isJsonObject,
  lookupPath,
  next,
  wait,
} from '@parley/shared';
import { z } from 'zod';
import { inStock } from '../../catalog';
import { optionByTyping } from '../../choice';
import { inboundText } from '../../text';
import { BUY_PREFIX, cardButtonSchema, cardSchema, cardsFor, extrasOf, productJson, shownSchema } from './cards';
import { type CompiledFilter, type FieldReader, FILTER_OPS, compileFilter, fieldReader, operand, passes, sortProducts } from './filters';

const filter = z.object({
  field: z
    .string()
    .trim()
    .min(1, 'every filter needs a field, such as attributes.skin or price')
    .meta({ label: 'Field', widget: 'product-field', placeholder: 'attributes.skin', help: 'title, sku, price, stock, or attributes.<name> for your own product attributes.' }),
  op: z.enum(FILTER_OPS).default('equals').meta({ label: 'Comparison', widget: 'select' }),
  value: z
    .string()
    .max(1_000)
    .default('')
    .meta({ label: 'Value', widget: 'template', help: 'Use {{variable}} for an earlier answer. For "is set", write false to find products without the field.' }),
});

const config = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  from: z
    .enum(['catalog', 'variable'])
    .default('catalog')
    .meta({ label: 'Products from', widget: 'select', help: 'The whole catalog, or a list such as a quiz\'s recommendations (in their order, with {{product.reason}}).' }),
  productsVariable: z.string().min(1).default('recommended').meta({ label: 'List variable', widget: 'variable', help: 'Used when products come from a variable.' }),
  text: z.string().max(4_096).optional().meta({ label: 'Intro text', widget: 'template', help: 'Sent before the cards (optional).' }),
  filters: z.array(filter).max(20).default([]).meta({ label: 'Filters', widget: 'list', help: 'Which products to show; none shows the whole catalog.' }),
  match: z.enum(['all', 'any']).default('all').meta({ label: 'Products must match', widget: 'select', help: 'All filters, or any one of them.' }),
  sort: z
    .object({
      field: z.string().trim().min(1, 'sorting needs a field, such as price').meta({ label: 'Sort by', widget: 'product-field', placeholder: 'price' }),
      direction: z.enum(['asc', 'desc']).default('asc').meta({ label: 'Direction', widget: 'select' }),
    })
    .optional()
    .meta({ label: 'Sort', help: 'Leave empty to keep the catalog order.' }),
  limit: z.number().int().min(1, 'show at least one product').max(10, 'a message holds at most ten cards').default(10).meta({ label: 'Most cards', widget: 'number' }),
  onlyInStock: z.boolean().default(true).meta({ label: 'Only products in stock', widget: 'checkbox' }),
  card: cardSchema,
  buttons: z.array(cardButtonSchema).max(3, 'a card holds at most three buttons').default([]).meta({ label: 'Card buttons', widget: 'list' }),
  waitForChoice: z.boolean().default(true).meta({ label: 'Wait for the customer to choose', widget: 'checkbox', help: 'Off: go on to "Next" right after the cards.' }),
  saveAs: z.string().default('product').meta({ label: 'Save the chosen product in', widget: 'variable', help: 'The button tapped is saved in the same name + "Action".' }),
  retryText: z
    .string()
    .min(1)
    .max(1_000)
    .default("Tap a product's button, or type its name.")
    .meta({ label: 'When the answer is not a product', widget: 'template' }),
});

type Config = z.output<typeof config>;

/** The cards shown, so a tap or a typed name can be traced back to its product. */
const state = z.object({ shown: z.array(shownSchema), misses: z.number().int().min(0) });
type State = z.output<typeof state>;
type Shown = State['shown'][number];

interface Plan {
  filters: CompiledFilter[];
  sortBy: FieldReader | undefined;
}

// Config is parsed once when the flow is bound; its filters are compiled on first use and kept with it.
const plans = new WeakMap<Config, Plan>();
function planOf(data: Config): Plan {
  let plan = plans.get(data);
  if (!plan) {
    plan = { filters: data.filters.map(compileFilter), sortBy: data.sort ? fieldReader(data.sort.field) : undefined };
    plans.set(data, plan);
  }
  return plan;
}

function pick(data: Config, ctx: NodeContext): Product[] {
  const plan = planOf(data);
  const wants = plan.filters.map((f) => f.constant ?? operand(ctx.render(f.template)));
  const fits = (product: Product): boolean => {
    if (plan.filters.length === 0) return true;
    return data.match === 'all'
      ? plan.filters.every((f, i) => passes(f, product, wants[i] ?? operand('')))
      : plan.filters.some((f, i) => passes(f, product, wants[i] ?? operand('')));
  };
  const picked: Product[] = [];
  for (const product of data.from === 'variable' ? listed(data, ctx) : ctx.products) {
    // Variants are chosen after the product (Choose options); a product shows while any variant is left.
    if (product.variantOf !== undefined || !product.active || (data.onlyInStock && !inStock(ctx.products, product)) || !fits(product)) continue;
    picked.push(product);
    if (!plan.sortBy && picked.length >= data.limit) break;
  }
  if (!plan.sortBy || !data.sort) return picked;
  return sortProducts(picked, plan.sortBy, data.sort.direction).slice(0, data.limit);
}

/**
 * The products a variable lists (a quiz's recommendations), in its order, as the catalog has them
 * now (so stock and price are current); what the list adds to each (its reason, its score) is kept
 * for the card templates.
 */
function listed(data: Config, ctx: NodeContext): Product[] {
  const list = lookupPath(ctx.vars, data.productsVariable);
  if (!Array.isArray(list)) return [];
  const bySku = new Map(ctx.products.map((p) => [p.sku, p]));
  const products: Product[] = [];
  for (const item of list) {
    const sku = isJsonObject(item) ? item.sku : item;
    const product = typeof sku === 'string' ? bySku.get(sku) : undefined;
    if (!product || products.includes(product)) continue;
    if (isJsonObject(item)) {
      // A fresh object per listing: the extras belong to this list, not to the catalog's product.
      const copy = { ...product };
      extrasOf.set(copy, Object.fromEntries(Object.entries(item).filter(([key]) => key === 'reason' || key === 'score')));
      products.push(copy);
    } else products.push(product);
  }
  return products;
}

const actionOf = (shown: Shown, payload: string | undefined): string =>
  payload === undefined ? 'select' : payload === BUY_PREFIX + shown.sku ? 'buy' : payload;

/** Which shown product the customer chose: a tapped button, a typed title, or its number ("2"). */
function choose(stored: State, input: Inbound): { shown: Shown; action: string } | undefined {
  if (input.kind === 'postback') {
    const tapped = stored.shown.find((s) => s.payloads.includes(input.payload));
    if (tapped) return { shown: tapped, action: actionOf(tapped, input.payload) };
  }
  const typed = inboundText(input);
  if (typed === undefined) return undefined;
  const shown = optionByTyping(typed, stored.shown, (s) => s.title);
  return shown ? { shown, action: actionOf(shown, shown.payloads[0]) } : undefined;
}

/** Product cards from the bot's catalog, filtered by earlier answers; the customer may pick one. */
export const productsNode = defineNodeType({
  type: 'products',
  title: 'Products',
  category: 'Commerce',
  description: 'Shows product cards from your catalog, filtered by earlier answers, and lets the customer pick one.',
  icon: 'shopping-bag',
  config,
  state,
  ports: [
    { id: 'selected', label: 'Selected' },
    { id: 'next', label: 'Next' },
    { id: 'noMatch', label: 'No match' },
  ],
  variables: { writes: ['saveAs'], suffixedWrites: [{ path: 'saveAs', suffix: 'Action' }], local: ['product'] },
  waitsForCustomer: { when: 'waitForChoice' },
  enter: (data, ctx) => {
    const picked = pick(data, ctx);
    if (picked.length === 0) return next('noMatch');
    const replies: Reply[] = data.text ? [{ type: 'text', text: ctx.render(data.text) }] : [];
    const cards = cardsFor(data, ctx, picked);
    replies.push(cards.reply);
    if (!data.waitForChoice) return next('next', { replies });
    return wait({ shown: cards.shown, misses: 0 }, { replies });
  },
  resume: (data, ctx, input, stored) => {
    if (!stored) return next('next');
    // Timers and other system events are not a choice.
    if (!isFromCustomer(input)) return wait(stored);
    const choice = choose(stored, input);
    const product = choice && ctx.products.find((p) => p.sku === choice.shown.sku);
    if (choice && product)
      return next('selected', { set: { [data.saveAs]: productJson(product), [`${data.saveAs}Action`]: choice.action } });
    if (stored.misses >= 1) return next('next');
    return wait({ ...stored, misses: stored.misses + 1 }, { replies: [{ type: 'text', text: ctx.render(data.retryText) }] });
  },
});
