import {
  type JsonValue,
  type NodeContext,
  type NodeStep,
  type Reply,
  defineNodeType,
  isFromCustomer,
  lookupPath,
  next,
  wait,
} from '@parley/shared';
import { z } from 'zod';
import { type Charge, chargeForAmount, chargeForProducts, describeItems } from './charge';

const config = z
  .object({
    label: z.string().optional().meta({ label: 'Label' }),
    provider: z
      .string()
      .trim()
      .min(1, 'name the payment provider, such as test or stripe')
      .max(100)
      .default('test')
      .meta({ label: 'Payment provider', help: '"test" makes links that take no money: use it while building the flow.' }),
    source: z
      .enum(['product', 'amount'])
      .default('product')
      .meta({ label: 'What to charge', widget: 'select', help: 'A product or cart chosen earlier in the conversation, or an amount you set.' }),
    productVariable: z
      .string()
      .min(1, 'name the variable that holds the product')
      .default('product')
      .meta({ label: 'Product variable', widget: 'variable', help: 'Holds one product, or a list of products for a cart.' }),
    quantity: z
      .number()
      .int('the quantity must be a whole number')
      .min(1, 'the quantity must be at least 1')
      .max(1_000)
      .default(1)
      .meta({ label: 'Quantity', widget: 'number', help: 'Units of the product; cart lines that carry their own quantity keep it.' }),
    amount: z
      .union([z.string().max(200), z.number()])
      .optional()
      .meta({ label: 'Amount', widget: 'template', placeholder: '49.90', help: 'A number, or a variable such as {{total}}.' }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'a currency is a three-letter ISO code such as USD')
      .optional()
      .meta({ label: 'Currency', placeholder: 'USD', help: 'Three-letter code; products carry their own.' }),
    description: z
      .string()
      .max(500)
      .optional()
      .meta({ label: 'Description', widget: 'template', help: 'Shown on the payment page. Defaults to the product titles, or "Payment".' }),
    text: z
      .string()
      .min(1, 'the message with the link cannot be empty')
      .max(1_000)
      .default('Tap to pay {{payment.price}}')
      .meta({ label: 'Message with the link', widget: 'template', help: '{{payment.price}} reads "$49.90"; {{payment.amount}} and {{payment.currency}} are there too.' }),
    reminderText: z
      .string()
      .max(1_000)
      .default('Your payment link is still open:')
      .meta({ label: 'Reminder', widget: 'template', help: 'Sent once with the link if the customer writes before paying. Leave empty to stay quiet.' }),
    options: z
      .array(
        z.object({
          name: z.string().trim().min(1, 'name the option, such as Colour').max(100).meta({ label: 'Option' }),
          value: z.string().max(500).meta({ label: 'Value', widget: 'template', placeholder: '{{colour}}' }),
        }),
      )
      .max(20)
      .default([])
      .meta({ label: 'Chosen options', help: 'Written on the order for each line, such as Leather = {{colour}}.' }),
    expiresInMinutes: z
      .number()
      .int('the expiry must be a whole number of minutes')
      .min(1, 'a link must stay open at least 1 minute')
      .max(60 * 24 * 7, 'a link can stay open at most 7 days (10080 minutes)')
      .default(30)
      .meta({ label: 'Link expires after (minutes)', widget: 'number' }),
  })
  .refine((data) => data.source !== 'amount' || (data.amount !== undefined && String(data.amount).trim() !== ''), {
    message: 'a payment of an amount needs the amount',
    path: ['amount'],
  })
  .refine((data) => data.source !== 'amount' || data.currency !== undefined, {
    message: 'a payment of an amount needs its currency',
    path: ['currency'],
  });

type Config = z.output<typeof config>;

const creatingState = z.object({ phase: z.literal('creating'), effectId: z.string(), amount: z.number(), currency: z.string() });
const pendingState = z.object({
  phase: z.literal('pending'),
  effectId: z.string(),
  paymentId: z.string(),
  url: z.string(),
  amount: z.number(),
  currency: z.string(),
  testMode: z.boolean(),
  reminded: z.boolean(),
});
const state = z.discriminatedUnion('phase', [creatingState, pendingState]);
type Pending = z.output<typeof pendingState>;

/** The effect result the server feeds back once the provider made the link. */
const createdResult = z.object({ paymentId: z.string().min(1), url: z.string().min(1), testMode: z.boolean().optional() });

function chargeOf(data: Config, ctx: NodeContext): Charge {
  if (data.source === 'product') return chargeForProducts(lookupPath(ctx.vars, data.productVariable), data.productVariable, data.quantity);
  const description = data.description ? ctx.render(data.description).trim() : '';
  return chargeForAmount(ctx.render(String(data.amount ?? '')), data.currency ?? '', description || 'Payment');
}

/** The failed output, with the reason in `payment.error` for the next message and in the event for the inbox. */
function fail(ctx: NodeContext, error: string, known: { amount?: number; currency?: string } = {}): NodeStep {
  const payment: JsonValue = { ...known, status: 'failed', error };
  return next('failed', { set: { payment }, events: [{ type: 'payment.error', nodeId: ctx.nodeId, data: { message: error } }] });
}

/** The amount as the customer reads it in the bot's language: "$49.90", "49,90 €". */
function priceText(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

const paymentVar = (pending: Pending, status: string, ctx: NodeContext): JsonValue => ({
  id: pending.paymentId,
  amount: pending.amount,
  currency: pending.currency,
  price: priceText(pending.amount, pending.currency, ctx.settings.locale),
  status,
});

function linkReply(text: string, pending: Pending): Reply {
  const { url, paymentId, amount, currency, testMode } = pending;
  return { type: 'payment', text, url, paymentId, amount, currency, testMode };
}

function start(data: Config, ctx: NodeContext): NodeStep {
  const charge = chargeOf(data, ctx);
  if (!charge.ok) return fail(ctx, charge.error, data.currency ? { currency: data.currency } : {});
  const { amount, currency } = charge;
  const chosen: Record<string, string> = {};
  for (const option of data.options) {
    const value = ctx.render(option.value).trim();
    if (value !== '') chosen[option.name] = value;
  }
  const items = Object.keys(chosen).length === 0 ? charge.items : charge.items.map((item) => ({ ...item, options: { ...item.options, ...chosen } }));
  const rendered = data.source === 'product' && data.description ? ctx.render(data.description).trim() : '';
  const description = rendered || (data.source === 'product' ? describeItems(items) : (items[0]?.title ?? 'Payment'));
  const effectId = ctx.newId('pay');
  return wait(
    { phase: 'creating', effectId, amount, currency },
    { effects: [{ kind: 'payment', id: effectId, provider: data.provider, currency, amount, description, items, expiresInMinutes: data.expiresInMinutes }] },
  );
}

/**
 * A payment link for a product, a cart or an amount. The server creates the link (a `payment`
 * effect) and later reports the customer's payment; the node waits for both.
 */
export const paymentNode = defineNodeType({
  type: 'payment',
  title: 'Payment',
  category: 'Commerce',
  description: 'Takes the units out of stock and sends a payment link for a product, a cart or an amount; continues when it is paid, fails or expires, or at once when it sold out.',
  icon: 'credit-card',
  config,
  state,
  ports: [
    { id: 'paid', label: 'Paid', required: true },
    { id: 'failed', label: 'Failed or expired' },
    { id: 'soldOut', label: 'Sold out' },
  ],
  variables: { fixedWrites: ['payment'], local: ['payment'] },
  waitsForCustomer: true,
  enter: start,
  resume: (data, ctx, input, prior) => {
    // A state this version cannot read: make a new link if the customer is there, else keep waiting.
    if (!prior) return isFromCustomer(input) ? start(data, ctx) : wait(null);

    if (prior.phase === 'creating') {
      if (input.kind !== 'effect' || input.effectId !== prior.effectId) return wait(prior);
      const known = { amount: prior.amount, currency: prior.currency };
      // Another customer took the last units first: the flow can say so and offer the waiting list.
      if (!input.ok && input.code === 'sold_out')
        return next('soldOut', {
          set: { payment: { ...known, status: 'sold_out', error: input.error ?? 'Sold out.' } },
          events: [{ type: 'payment.sold_out', nodeId: ctx.nodeId, data: { message: input.error ?? '' } }],
        });
      if (!input.ok) return fail(ctx, `The payment link could not be created: ${input.error ?? 'the provider gave no reason'}.`, known);
      const created = createdResult.safeParse(input.result);
      if (!created.success) return fail(ctx, 'The payment provider answered without a payment link.', known);
      const { paymentId, url, testMode } = created.data;
      const pending: Pending = { ...prior, phase: 'pending', paymentId, url, testMode: testMode ?? data.provider === 'test', reminded: false };
      const payment = paymentVar(pending, 'pending', ctx);
      return wait(pending, {
        set: { payment },
        replies: [linkReply(ctx.render(data.text, { payment }), pending)],
        events: [{ type: 'payment.created', nodeId: ctx.nodeId, data: { paymentId, amount: prior.amount, currency: prior.currency, testMode: pending.testMode } }],
      });
    }

    if (input.kind === 'payment') {
      // Another link's news (an older one of this conversation): not ours to act on.
      if (input.paymentId !== prior.paymentId) return wait(prior);
      const event = { type: `payment.${input.status}`, nodeId: ctx.nodeId, data: { paymentId: prior.paymentId, amount: prior.amount, currency: prior.currency } };
      return next(input.status === 'paid' ? 'paid' : 'failed', { set: { payment: paymentVar(prior, input.status, ctx) }, events: [event] });
    }
    const reminder = data.reminderText.trim();
    if (isFromCustomer(input) && !prior.reminded && reminder !== '') {
      const text = ctx.render(reminder, { payment: paymentVar(prior, 'pending', ctx) });
      return wait({ ...prior, reminded: true }, { replies: [linkReply(text, prior)] });
    }
    return wait(prior);
  },
});
