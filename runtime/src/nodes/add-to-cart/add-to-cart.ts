import { type NodeStep, defineNodeType, isJsonObject, lookupPath, next } from '@parley/shared';
import { z } from 'zod';
import { MAX_CART_QUANTITY, addLine, cartJson, readCart } from '../cart/lines';

const config = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  productVariable: z.string().min(1).default('product').meta({ label: 'Product', widget: 'variable', help: 'The product chosen from the cards.' }),
  quantity: z
    .union([z.number().int().min(1).max(MAX_CART_QUANTITY), z.string().max(200)])
    .default(1)
    .meta({ label: 'Quantity', widget: 'template', help: 'A number, or a variable such as {{quantity}}.' }),
  options: z
    .array(z.object({ name: z.string().trim().min(1, 'name the option, such as Colour').max(100).meta({ label: 'Option' }), value: z.string().max(500).meta({ label: 'Value', widget: 'template' }) }))
    .max(20)
    .default([])
    .meta({ label: 'Chosen options', help: 'Kept on the cart line, such as Colour = {{colour}}.' }),
  cartVariable: z.string().min(1).default('cart').meta({ label: 'Cart', widget: 'variable' }),
  text: z.string().max(1_000).default('Added to your cart: {{line.quantity}} × {{line.title}}.').meta({ label: 'Confirmation', widget: 'template', help: 'Leave empty to stay quiet. {{line.title}}, {{line.quantity}}, {{cartCount}}.' }),
});

/** Adds the chosen product (with its options and quantity) to the customer's cart. */
export const addToCartNode = defineNodeType({
  type: 'addToCart',
  title: 'Add to cart',
  category: 'Commerce',
  description: 'Puts the chosen product in the cart, with its options and quantity.',
  icon: 'cart-plus',
  config,
  ports: [
    { id: 'next', label: 'Added' },
    { id: 'failed', label: 'No product' },
  ],
  variables: { writes: ['cartVariable'], reads: ['productVariable'], fixedWrites: ['cartCount'], local: ['line'] },
  waitsForCustomer: false,
  enter: (data, ctx): NodeStep => {
    const product = lookupPath(ctx.vars, data.productVariable);
    if (!isJsonObject(product) || typeof product.sku !== 'string' || typeof product.title !== 'string' || typeof product.price !== 'number' || typeof product.currency !== 'string')
      return next('failed', { events: [{ type: 'cart.no_product', nodeId: ctx.nodeId, data: { variable: data.productVariable } }] });
    const quantity = typeof data.quantity === 'number' ? data.quantity : Math.floor(Number(ctx.render(data.quantity)));
    // A variant brings its own option values (Colour: Noir); the node's add to them.
    const options: Record<string, string> = {};
    if (isJsonObject(product.options)) for (const [name, value] of Object.entries(product.options)) if (typeof value === 'string') options[name] = value;
    for (const option of data.options) {
      const value = ctx.render(option.value).trim();
      if (value !== '') options[option.name] = value;
    }
    const line = { sku: product.sku, title: product.title, price: product.price, currency: product.currency, quantity: Number.isFinite(quantity) && quantity >= 1 ? Math.min(quantity, MAX_CART_QUANTITY) : 1, options };
    const cart = addLine(readCart(lookupPath(ctx.vars, data.cartVariable)), typeof product.imageUrl === 'string' ? { ...line, imageUrl: product.imageUrl } : line);
    const cartCount = cart.reduce((sum, l) => sum + l.quantity, 0);
    const text = data.text.trim() === '' ? '' : ctx.render(data.text, { line: { ...line, options: { ...options } }, cartCount });
    return next('next', {
      set: { [data.cartVariable]: cartJson(cart), cartCount },
      replies: text === '' ? [] : [{ type: 'text', text }],
      events: [{ type: 'cart.added', nodeId: ctx.nodeId, data: { sku: line.sku, quantity: line.quantity } }],
    });
  },
});
