import { type Inbound, type NodeContext, type NodeStep, type Product, defineNodeType, isFromCustomer, isJsonObject, lookupPath, next, wait, withEntry } from '@parley/shared';
import { z } from 'zod';
import { variantsOf } from '../../catalog';
import { optionByTyping } from '../../choice';
import { inboundText } from '../../text';
import { productJson } from '../products/cards';

const config = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  productVariable: z.string().min(1).default('product').meta({ label: 'Product', widget: 'variable', help: 'The product chosen from the cards; becomes the variant chosen here.' }),
  text: z.string().min(1).max(1_000).default('Which {{option}} would you like?').meta({ label: 'Question', widget: 'template', help: '{{option}} is the option asked, such as Colour.' }),
  retryText: z.string().min(1).max(1_000).default('Please choose one of: {{values}}').meta({ label: 'When the answer is not a choice', widget: 'template' }),
});
type Config = z.output<typeof config>;

const state = z.object({ sku: z.string(), chosen: z.record(z.string(), z.string()) });
type State = z.output<typeof state>;

const buyable = (variant: Product) => variant.active && variant.stock !== 0;
const fitsChosen = (variant: Product, chosen: Readonly<Record<string, string>>) => Object.entries(chosen).every(([name, value]) => variant.options[name] === value);

/** The option names in the order the catalog first uses them. */
function optionNames(variants: readonly Product[]): string[] {
  const names: string[] = [];
  for (const variant of variants) for (const name of Object.keys(variant.options)) if (!names.includes(name)) names.push(name);
  return names;
}

/** Values of the next option still available with what was chosen so far (in stock only). */
function nextQuestion(variants: readonly Product[], chosen: Record<string, string>): { name: string; values: string[] } | undefined {
  const name = optionNames(variants).find((n) => chosen[n] === undefined);
  if (name === undefined) return undefined;
  const values: string[] = [];
  for (const variant of variants) {
    const value = variant.options[name];
    if (value !== undefined && buyable(variant) && fitsChosen(variant, chosen) && !values.includes(value)) values.push(value);
  }
  return { name, values };
}

/** Asks the next option, or settles on the variant once every option is chosen. */
function advance(data: Config, ctx: NodeContext, sku: string, chosen: Record<string, string>): NodeStep {
  const variants = variantsOf(ctx.products, sku);
  if (variants.length === 0) return next('next');
  for (;;) {
    const question = nextQuestion(variants, chosen);
    if (!question) break;
    if (question.values.length === 0) return next('soldOut', { events: [{ type: 'options.sold_out', nodeId: ctx.nodeId, data: { sku, chosen } }] });
    // One value left: nothing to ask.
    const [only] = question.values;
    if (question.values.length === 1 && only !== undefined) {
      chosen = { ...chosen, [question.name]: only };
      continue;
    }
    const text = ctx.render(data.text, { option: question.name });
    return wait({ sku, chosen }, { replies: [{ type: 'buttons', text, buttons: question.values.map((value) => ({ title: value, payload: value })) }] });
  }
  const variant = variants.find((v) => buyable(v) && fitsChosen(v, chosen) && Object.keys(v.options).length === Object.keys(chosen).length);
  if (!variant) return next('soldOut', { events: [{ type: 'options.sold_out', nodeId: ctx.nodeId, data: { sku, chosen } }] });
  return next('next', { set: { [data.productVariable]: productJson(variant) }, events: [{ type: 'options.chosen', nodeId: ctx.nodeId, data: { sku: variant.sku } }] });
}

function pickValue(input: Inbound, values: readonly string[]): string | undefined {
  if (input.kind === 'postback' && values.includes(input.payload)) return input.payload;
  const typed = inboundText(input);
  return typed === undefined ? undefined : optionByTyping(typed, values, (value) => value);
}

/**
 * Lets the customer choose a product's options (colour, strap, size) among the variants in stock,
 * one question at a time, then holds the chosen variant (its own SKU, price and stock) in the
 * product variable.
 */
export const chooseOptionsNode = defineNodeType({
  type: 'chooseOptions',
  title: 'Choose options',
  category: 'Commerce',
  description: "Asks for the product's options (colour, size…) among the variants in stock; the product becomes the chosen variant.",
  icon: 'swatch',
  config,
  state,
  ports: [
    { id: 'next', label: 'Chosen' },
    { id: 'soldOut', label: 'Sold out' },
    { id: 'failed', label: 'No product' },
  ],
  variables: { writes: ['productVariable'], reads: ['productVariable'], local: ['option', 'values'] },
  waitsForCustomer: true,
  enter: (data, ctx) => {
    const product = lookupPath(ctx.vars, data.productVariable);
    if (!isJsonObject(product) || typeof product.sku !== 'string') return next('failed');
    // A product without variants has nothing to choose: it goes on as it is.
    return advance(data, ctx, product.sku, {});
  },
  resume: (data, ctx, input, prior: State | undefined) => {
    if (!prior) return isFromCustomer(input) ? next('failed') : wait(null);
    if (!isFromCustomer(input)) return wait(prior);
    const question = nextQuestion(variantsOf(ctx.products, prior.sku), prior.chosen);
    if (!question) return advance(data, ctx, prior.sku, prior.chosen);
    const value = pickValue(input, question.values);
    if (value === undefined) {
      const text = ctx.render(data.retryText, { values: question.values.join(', '), option: question.name });
      return wait(prior, { replies: [{ type: 'buttons', text, buttons: question.values.map((v) => ({ title: v, payload: v })) }] });
    }
    return advance(data, ctx, prior.sku, withEntry(prior.chosen, question.name, value));
  },
});
