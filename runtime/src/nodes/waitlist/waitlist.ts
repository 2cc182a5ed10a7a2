import { defineNodeType, isFromCustomer, next, wait } from '@parley/shared';
import { z } from 'zod';

const config = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  sku: z
    .string()
    .min(1, 'name the product, such as {{product.sku}}')
    .max(200)
    .default('{{product.sku}}')
    .meta({ label: 'Product SKU', widget: 'template', help: 'The product to wait for; {{product.sku}} is the one chosen from the cards.' }),
  text: z
    .string()
    .min(1, 'the confirmation cannot be empty')
    .max(1_000)
    .default("You're on the waiting list: we'll message you here as soon as it is back.")
    .meta({ label: 'Confirmation', widget: 'template' }),
  notice: z
    .string()
    .min(1, 'the back-in-stock message cannot be empty')
    .max(1_000)
    .default('Good news: {{product.title}} is available again. Type "menu" to order it.')
    .meta({ label: 'Back-in-stock message', widget: 'template', help: 'Sent to the customer when the product is in stock again, even days later.' }),
});

const state = z.object({ effectId: z.string() });

/**
 * Puts the customer on a product's waiting list. The server keeps the list and, when the product is
 * back in stock, sends each customer on it the back-in-stock message, rendered as they joined.
 */
export const waitlistNode = defineNodeType({
  type: 'waitlist',
  title: 'Waiting list',
  category: 'Commerce',
  description: 'Adds the customer to the waiting list of a sold-out product; they are messaged when it is back in stock.',
  icon: 'bell',
  config,
  state,
  ports: [
    { id: 'next', label: 'Joined' },
    { id: 'failed', label: 'No product' },
  ],
  waitsForCustomer: false,
  enter: (data, ctx) => {
    const sku = ctx.render(data.sku).trim();
    if (sku === '') return next('failed', { events: [{ type: 'waitlist.no_product', nodeId: ctx.nodeId, data: { template: data.sku } }] });
    const effectId = ctx.newId('wait');
    return wait({ effectId }, { effects: [{ kind: 'waitlist', id: effectId, sku, notice: ctx.render(data.notice) }] });
  },
  resume: (data, ctx, input, prior) => {
    if (!prior) return isFromCustomer(input) ? next('failed') : wait(null);
    if (input.kind !== 'effect' || input.effectId !== prior.effectId) return wait(prior);
    if (!input.ok) return next('failed', { events: [{ type: 'waitlist.failed', nodeId: ctx.nodeId, data: { message: input.error ?? '' } }] });
    return next('next', { replies: [{ type: 'text', text: ctx.render(data.text) }], events: [{ type: 'waitlist.joined', nodeId: ctx.nodeId }] });
  },
});
