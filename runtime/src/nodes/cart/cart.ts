import { type Inbound, type NodeContext, type NodeStep, type Reply, defineNodeType, isFromCustomer, lookupPath, next, wait } from '@parley/shared';
import { z } from 'zod';
import { optionByTyping } from '../../choice';
import { inboundText } from '../../text';
import { type CartLine, cartJson, cartTotal, readCart, setQuantity } from './lines';

const config = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  cartVariable: z.string().min(1).default('cart').meta({ label: 'Cart', widget: 'variable' }),
  text: z.string().max(1_000).default('Your cart:').meta({ label: 'Heading', widget: 'template' }),
  help: z
    .string()
    .max(1_000)
    .default('To change a quantity, type the line and the new quantity, such as "1 x 2"; type "remove 1" to take a line out.')
    .meta({ label: 'How to change it', widget: 'template' }),
  checkoutTitle: z.string().trim().min(1).max(20).default('Checkout').meta({ label: 'Checkout button' }),
  continueTitle: z.string().trim().min(1).max(20).default('Keep shopping').meta({ label: 'Keep shopping button' }),
  emptyTitle: z.string().trim().min(1).max(20).default('Empty cart').meta({ label: 'Empty cart button' }),
  emptyText: z.string().max(1_000).default('Your cart is empty.').meta({ label: 'When the cart is empty', widget: 'template' }),
});
type Config = z.output<typeof config>;

const state = z.object({ shown: z.number().int().min(0) });

function money(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

function summary(data: Config, ctx: NodeContext, lines: readonly CartLine[]): Reply[] {
  const locale = ctx.settings.locale;
  const rows = lines.map((line, i) => {
    const options = Object.entries(line.options).map(([name, value]) => `${name}: ${value}`);
    const label = options.length > 0 ? `${line.title} (${options.join(', ')})` : line.title;
    return `${i + 1}. ${label} × ${line.quantity}: ${money(Math.round(line.price * 100 * line.quantity) / 100, line.currency, locale)}`;
  });
  const total = cartTotal(lines);
  const totalText = total ? `Total: ${money(total.amount, total.currency, locale)}` : 'The cart holds more than one currency: it cannot be paid in one payment.';
  const help = ctx.render(data.help).trim();
  const text = [ctx.render(data.text), ...rows, totalText, ...(help ? ['', help] : [])].join('\n');
  return [
    {
      type: 'buttons',
      text,
      buttons: [
        { title: data.checkoutTitle, payload: 'checkout' },
        { title: data.continueTitle, payload: 'continue' },
        { title: data.emptyTitle, payload: 'empty' },
      ],
    },
  ];
}

type Command = { kind: 'checkout' | 'continue' | 'empty' } | { kind: 'quantity'; line: number; quantity: number } | undefined;

function commandOf(data: Config, input: Inbound): Command {
  if (input.kind === 'postback' && (input.payload === 'checkout' || input.payload === 'continue' || input.payload === 'empty')) return { kind: input.payload };
  const typed = inboundText(input)?.trim() ?? '';
  const remove = /^(?:remove|delete|del)\s+(\d{1,2})$/i.exec(typed);
  if (remove) return { kind: 'quantity', line: Number(remove[1]), quantity: 0 };
  const change = /^(\d{1,2})\s*[x×*:]\s*(\d{1,2})$/i.exec(typed);
  if (change) return { kind: 'quantity', line: Number(change[1]), quantity: Number(change[2]) };
  const buttons = [
    { kind: 'checkout' as const, title: data.checkoutTitle },
    { kind: 'continue' as const, title: data.continueTitle },
    { kind: 'empty' as const, title: data.emptyTitle },
  ];
  const chosen = optionByTyping(typed, buttons, (b) => b.title);
  return chosen ? { kind: chosen.kind } : undefined;
}

function show(data: Config, ctx: NodeContext, lines: CartLine[], extra: Reply[] = []): NodeStep {
  if (lines.length === 0) return next('empty', { set: { [data.cartVariable]: [] }, replies: [...extra, { type: 'text', text: ctx.render(data.emptyText) }] });
  return wait({ shown: lines.length }, { set: { [data.cartVariable]: cartJson(lines) }, replies: [...extra, ...summary(data, ctx, lines)] });
}

/**
 * Shows the cart with its total and lets the customer change it in the chat (quantities, removals),
 * then check out, keep shopping or empty it.
 */
export const cartNode = defineNodeType({
  type: 'cart',
  title: 'Cart',
  category: 'Commerce',
  description: 'Shows the cart and its total; the customer changes quantities, removes lines, checks out or keeps shopping.',
  icon: 'cart',
  config,
  state,
  ports: [
    { id: 'checkout', label: 'Checkout', required: true },
    { id: 'continue', label: 'Keep shopping' },
    { id: 'empty', label: 'Empty' },
  ],
  variables: { writes: ['cartVariable'], reads: ['cartVariable'] },
  waitsForCustomer: true,
  enter: (data, ctx) => show(data, ctx, readCart(lookupPath(ctx.vars, data.cartVariable))),
  resume: (data, ctx, input, prior) => {
    const lines = readCart(lookupPath(ctx.vars, data.cartVariable));
    if (!isFromCustomer(input)) return wait(prior ?? { shown: lines.length });
    const command = commandOf(data, input);
    if (!command) return show(data, ctx, lines);
    if (command.kind !== 'quantity') {
      if (command.kind === 'continue') return next('continue');
      if (command.kind === 'empty') return next('empty', { set: { [data.cartVariable]: [] }, events: [{ type: 'cart.emptied', nodeId: ctx.nodeId }] });
      return lines.length === 0 ? show(data, ctx, lines) : next('checkout', { events: [{ type: 'cart.checkout', nodeId: ctx.nodeId, data: { lines: lines.length } }] });
    }
    if (command.line < 1 || command.line > lines.length)
      return show(data, ctx, lines, [{ type: 'text', text: `There is no line ${command.line} in your cart.` }]);
    return show(data, ctx, setQuantity(lines, command.line - 1, command.quantity));
  },
});
