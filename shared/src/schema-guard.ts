import { z } from 'zod';

/**
 * A type guard read off a zod schema, for values checked on every turn: the web channel's messages,
 * the state a node saved the turn before. Measured in the running server, zod's parse of a small
 * message cost ~10 µs of the event loop, a tenth of a turn: its code is shared by every schema, so V8
 * sees all their shapes there; a guard made for one schema sees one. (Measured alone, both cost well
 * under a microsecond: the difference only shows in situ.)
 *
 * The schema stays the contract. The guard is compiled from its JSON Schema (objects with known keys,
 * arrays, strings with length limits, enums, numbers with bounds, booleans, null: a schema with anything
 * else compiles to a guard that accepts nothing), plus the refinements passed here, which JSON Schema
 * cannot carry. It accepts only values the schema returns unchanged (no defaults or transforms, no
 * unknown keys, no `undefined`); everything else goes to the schema, which decides and words the error.
 */
export function compileGuard<S extends z.ZodType>(schema: S, refinements: readonly ((value: z.output<S>) => boolean)[] = []): (value: unknown) => value is z.output<S> {
  const check = compileSchema(schema) ?? rejectAll;
  const structural = (value: unknown): value is z.output<S> => check(value);
  return (value: unknown): value is z.output<S> => structural(value) && refinements.every((refine) => refine(value));
}

type Check = (value: unknown) => boolean;
const rejectAll: Check = () => false;

function compileSchema(schema: z.ZodType): Check | undefined {
  let input: unknown;
  let output: unknown;
  try {
    // `unrepresentable: 'any'` writes `{}` for what JSON Schema cannot say, which compiles to nothing.
    input = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    output = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
  } catch {
    // A schema zod cannot write as JSON Schema (a custom node's, say) is simply left to zod.
    return undefined;
  }
  // A schema whose output differs from its input (defaults, transforms) would not return values unchanged.
  // (The output side also says `additionalProperties: false`: zod strips unknown keys, which the guard refuses.)
  const unchanged = JSON.stringify(input) === JSON.stringify(output, (key, value: unknown) => (key === 'additionalProperties' ? undefined : value));
  return unchanged ? compileNode(input) : undefined;
}

// Strict: a keyword this compiler does not know (pattern, format, exclusiveMinimum…) fails to parse, so
// the schema is left to zod rather than checked in part.
const annotations = { $schema: z.string().optional(), description: z.string().optional(), title: z.string().optional() };
const stringNode = z.strictObject({
  ...annotations,
  type: z.literal('string'),
  minLength: z.number().int().optional(),
  maxLength: z.number().int().optional(),
  enum: z.array(z.string()).optional(),
});
const numberNode = z.strictObject({ ...annotations, type: z.enum(['number', 'integer']), minimum: z.number().optional(), maximum: z.number().optional() });
const constantNode = z.strictObject({ ...annotations, type: z.enum(['boolean', 'null']) });
const arrayNode = z.strictObject({ ...annotations, type: z.literal('array'), items: z.unknown(), minItems: z.number().int().optional(), maxItems: z.number().int().optional() });
const objectNode = z.strictObject({
  ...annotations,
  type: z.literal('object'),
  properties: z.record(z.string(), z.unknown()),
  required: z.array(z.string()).optional(),
  additionalProperties: z.literal(false).optional(),
});

function compileNode(node: unknown): Check | undefined {
  const text = stringNode.safeParse(node);
  if (text.success) return compileString(text.data);
  const number = numberNode.safeParse(node);
  if (number.success) return compileNumber(number.data);
  const constant = constantNode.safeParse(node);
  if (constant.success) return constant.data.type === 'null' ? (value) => value === null : (value) => typeof value === 'boolean';
  const array = arrayNode.safeParse(node);
  if (array.success) return compileArray(array.data);
  const object = objectNode.safeParse(node);
  if (object.success) return compileObject(object.data);
  return undefined;
}

function compileString({ minLength = 0, maxLength = Number.POSITIVE_INFINITY, enum: values }: z.output<typeof stringNode>): Check {
  if (values !== undefined) {
    const allowed = new Set(values);
    return (value) => typeof value === 'string' && allowed.has(value) && value.length >= minLength && value.length <= maxLength;
  }
  return (value) => typeof value === 'string' && value.length >= minLength && value.length <= maxLength;
}

function compileNumber({ type, minimum = Number.NEGATIVE_INFINITY, maximum = Number.POSITIVE_INFINITY }: z.output<typeof numberNode>): Check {
  // zod refuses NaN and the infinities for any number.
  const kind = type === 'integer' ? Number.isInteger : Number.isFinite;
  return (value) => typeof value === 'number' && kind(value) && value >= minimum && value <= maximum;
}

function compileArray({ items, minItems = 0, maxItems = Number.POSITIVE_INFINITY }: z.output<typeof arrayNode>): Check | undefined {
  const check = compileNode(items);
  if (check === undefined) return undefined;
  return (value) => {
    if (!Array.isArray(value) || value.length < minItems || value.length > maxItems) return false;
    // By index, holes included (`every` would skip them; zod reads them as undefined).
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined || !check(item)) return false;
    }
    return true;
  };
}

interface Field {
  key: string;
  check: Check;
  required: boolean;
}

function compileObject({ properties, required = [] }: z.output<typeof objectNode>): Check | undefined {
  const fields: Field[] = [];
  for (const [key, property] of Object.entries(properties)) {
    const check = compileNode(property);
    if (check === undefined) return undefined;
    fields.push({ key, check, required: required.includes(key) });
  }
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    let present = 0;
    for (const field of fields) {
      if (!Object.hasOwn(value, field.key)) {
        if (field.required) return false;
        continue;
      }
      const item: unknown = Reflect.get(value, field.key);
      // An own `undefined` (never from JSON): zod's output would differ in shape; let it decide.
      if (item === undefined || !field.check(item)) return false;
      present++;
    }
    // Unknown keys: zod strips them from its output, so the value is not returned as it is.
    return Object.keys(value).length === present;
  };
}
