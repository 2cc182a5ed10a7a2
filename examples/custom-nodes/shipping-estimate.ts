import { type NodeContext, type NodeStep, defineNodeType, next } from '@parley/shared';
import { z } from 'zod';

/**
 * An example custom node, written exactly as the built-in ones are: it estimates delivery for a
 * destination (country and postcode, usually answers saved earlier) from a carrier table kept in its
 * config. Pure: no I/O, so it needs no effect and never waits.
 */

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'a country is a two-letter ISO code such as FR');

const carrier = z
  .object({
    name: z.string().trim().min(1, 'name the carrier').max(100).meta({ label: 'Carrier' }),
    zone: z.enum(['domestic', 'international']).meta({ label: 'Ships', widget: 'select' }),
    countries: z
      .array(countryCode)
      .default([])
      .meta({ label: 'Countries', widget: 'list', help: 'International carriers: the countries served. Empty serves every country.' }),
    postcodePrefixes: z
      .array(z.string().min(1).max(10))
      .default([])
      .meta({ label: 'Postcodes starting with', widget: 'list', help: 'Domestic carriers: the postcodes served. Empty serves every postcode.' }),
    minDays: z.number().int().min(0).max(90).meta({ label: 'Fastest (days)', widget: 'number' }),
    maxDays: z.number().int().min(0).max(90).meta({ label: 'Slowest (days)', widget: 'number' }),
    price: z.number().min(0, 'a price cannot be negative').meta({ label: 'Price', widget: 'number' }),
  })
  .refine((c) => c.minDays <= c.maxDays, { message: 'the slowest delivery cannot be faster than the fastest', path: ['maxDays'] });

const config = z.object({
  label: z.string().optional().meta({ label: 'Label' }),
  country: z.string().max(200).default('{{country}}').meta({ label: 'Country', widget: 'template', help: 'Two-letter code of the destination, such as FR.' }),
  postcode: z.string().max(200).default('{{postcode}}').meta({ label: 'Postcode', widget: 'template' }),
  homeCountry: countryCode.meta({ label: 'We ship from', placeholder: 'FR' }),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is a three-letter ISO code such as EUR').default('EUR').meta({ label: 'Currency' }),
  carriers: z.array(carrier).min(1, 'list at least one carrier').max(50).meta({ label: 'Carriers', widget: 'list' }),
  saveAs: z
    .string()
    .regex(/^[A-Za-z_][\w.]*$/, 'a variable name starts with a letter and holds letters, digits, _ or .')
    .default('shipping')
    .meta({ label: 'Save the estimate in', widget: 'variable', help: 'Then write {{shipping.carrier}}, {{shipping.by}}, {{shipping.price}}.' }),
});

type Config = z.output<typeof config>;
type Carrier = Config['carriers'][number];

const DAY_MS = 24 * 60 * 60 * 1000;

function serves(c: Carrier, zone: Carrier['zone'], country: string, postcode: string): boolean {
  if (c.zone !== zone) return false;
  if (zone === 'international') return c.countries.length === 0 || c.countries.includes(country);
  return c.postcodePrefixes.length === 0 || c.postcodePrefixes.some((prefix) => postcode.startsWith(prefix.toUpperCase()));
}

/** The cheapest carrier serving the destination; the faster one on a tie. */
function cheapest(carriers: readonly Carrier[]): Carrier | undefined {
  return [...carriers].sort((a, b) => a.price - b.price || a.maxDays - b.maxDays)[0];
}

function estimate(data: Config, ctx: NodeContext): NodeStep {
  const country = ctx.render(data.country).trim().toUpperCase();
  const postcode = ctx.render(data.postcode).replace(/\s+/g, '').toUpperCase();
  const zone = country === data.homeCountry ? 'domestic' : 'international';
  const known = /^[A-Z]{2}$/.test(country) && (zone === 'international' || postcode !== '');
  const best = known ? cheapest(data.carriers.filter((c) => serves(c, zone, country, postcode))) : undefined;
  // An estimate left from an earlier run must not be shown for this destination.
  if (!best) return next('unknown', { set: { [data.saveAs]: null } });
  const by = new Date(ctx.now.getTime() + best.maxDays * DAY_MS).toISOString().slice(0, 10);
  return next(zone, {
    set: {
      [data.saveAs]: { zone, carrier: best.name, minDays: best.minDays, maxDays: best.maxDays, price: best.price, currency: data.currency, by },
    },
  });
}

export const shippingEstimateNode = defineNodeType({
  type: 'shipping-estimate',
  title: 'Shipping estimate',
  category: 'Commerce',
  description: 'Picks the cheapest carrier for a country and postcode and saves its price and delivery date.',
  icon: 'truck',
  config,
  ports: [
    { id: 'domestic', label: 'Domestic' },
    { id: 'international', label: 'International' },
    { id: 'unknown', label: 'Cannot ship there' },
  ],
  variables: { writes: ['saveAs'] },
  waitsForCustomer: false,
  enter: estimate,
});
