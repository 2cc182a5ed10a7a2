import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileGuard } from './schema-guard';

// Every kind the compiler reads, as node states and messages use them.
const schema = z.object({
  misses: z.number().int().min(0),
  score: z.number().max(10).optional(),
  done: z.boolean().optional(),
  none: z.null().optional(),
  phase: z.enum(['requesting', 'active']).optional(),
  shown: z.array(z.object({ sku: z.string().min(1), payloads: z.array(z.string()).max(2) })).optional(),
});

const candidates: Record<string, readonly unknown[]> = {
  misses: [0, 3, -1, 1.5, Number.NaN, '1', null],
  score: [10, 2.5, 11, Number.POSITIVE_INFINITY, true],
  done: [true, false, 0, 'yes'],
  none: [null, 0, 'null'],
  phase: ['active', 'requesting', 'gone', 1],
  shown: [[], [{ sku: 'F1', payloads: ['buy'] }], [{ sku: '', payloads: [] }], [{ sku: 'F1', payloads: ['a', 'b', 'c'] }], [{ sku: 'F1' }], [1], {}, [undefined]],
};

function randomValues(count: number): unknown[] {
  let seed = 5;
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  const values: unknown[] = [null, [], 'state', 1, {}];
  for (let i = 0; i < count; i++) {
    const value: Record<string, unknown> = {};
    for (const [key, options] of Object.entries(candidates))
      if (random() < 0.6) value[key] = options[Math.floor(random() * (random() < 0.6 ? 2 : options.length))];
    if (random() < 0.1) value.extra = 1;
    values.push(value);
  }
  return values;
}

describe('compileGuard', () => {
  it('accepts a value only when the schema accepts it and returns it unchanged', () => {
    const guard = compileGuard(schema);
    let accepted = 0;
    for (const value of randomValues(4_000)) {
      if (!guard(value)) continue;
      accepted++;
      const parsed = schema.safeParse(value);
      expect(parsed.success, JSON.stringify(value)).toBe(true);
      expect(parsed.data).toStrictEqual(value);
    }
    expect(accepted).toBeGreaterThan(200);
  });

  it('refuses a sparse array, which zod reads as holding undefined', () => {
    const guard = compileGuard(z.array(z.number()));
    expect(guard([1, 2])).toBe(true);
    expect(guard([1, , 3])).toBe(false);
  });

  it('applies the refinements given with the schema', () => {
    const guard = compileGuard(z.object({ a: z.string().optional(), b: z.string().optional() }), [(v) => v.a !== undefined || v.b !== undefined]);
    expect(guard({ a: 'x' })).toBe(true);
    expect(guard({})).toBe(false);
  });

  it('compiles a schema it cannot read whole to a guard that accepts nothing', () => {
    expect(compileGuard(z.object({ a: z.string().regex(/^x$/) }))({ a: 'x' })).toBe(false);
    expect(compileGuard(z.object({ a: z.record(z.string(), z.string()) }))({ a: {} })).toBe(false);
    expect(compileGuard(z.object({ a: z.union([z.string(), z.number()]) }))({ a: 'x' })).toBe(false);
    expect(compileGuard(z.object({ a: z.string().transform((s) => s.length) }))({ a: 'x' })).toBe(false);
    expect(compileGuard(z.object({ a: z.string().default('d') }))({ a: 'x' })).toBe(false);
    expect(compileGuard(z.object({ a: z.number().gt(0) }))({ a: 1 })).toBe(false);
    // Recursive: written with a $ref, which the compiler does not follow.
    type Tree = { children: Tree[] };
    const tree: z.ZodType<Tree> = z.object({ children: z.array(z.lazy(() => tree)) });
    expect(compileGuard(tree)({ children: [] })).toBe(false);
    expect(compileGuard(z.object({ a: z.string().max(3) }))({ a: 'abc' })).toBe(true);
  });
});
