import type { JsonValue } from '@parley/shared';
import { z } from 'zod';

export type { JsonValue };

/** The part of JSON Schema (draft 2020-12, as zod writes it) the editor reads, with Parley's form hints. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  title?: string;
  description?: string;
  label?: string;
  help?: string;
  widget?: string;
  placeholder?: string;
}

export const jsonSchemaSchema: z.ZodType<JsonSchema> = z.lazy(() =>
  z
    .object({
      type: z.union([z.string(), z.array(z.string())]).optional(),
      properties: z.record(z.string(), jsonSchemaSchema).optional(),
      required: z.array(z.string()).optional(),
      items: jsonSchemaSchema.optional(),
      additionalProperties: z.union([jsonSchemaSchema, z.boolean()]).optional(),
      enum: z.array(z.unknown()).optional(),
      const: z.unknown().optional(),
      default: z.unknown().optional(),
      oneOf: z.array(jsonSchemaSchema).optional(),
      anyOf: z.array(jsonSchemaSchema).optional(),
      minItems: z.number().optional(),
      maxItems: z.number().optional(),
      minimum: z.number().optional(),
      maximum: z.number().optional(),
      minLength: z.number().optional(),
      maxLength: z.number().optional(),
      pattern: z.string().optional(),
      title: z.string().optional(),
      description: z.string().optional(),
      label: z.string().optional(),
      help: z.string().optional(),
      widget: z.string().optional(),
      placeholder: z.string().optional(),
    })
    .loose(),
);

export function readSchema(value: unknown): JsonSchema {
  const parsed = jsonSchemaSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

export function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.enum) return 'string';
  if (schema.properties) return 'object';
  return undefined;
}

/** "maxMisses" → "Max misses": a readable name for fields without a label hint. */
export function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const labelOf = (schema: JsonSchema, key: string): string => schema.label ?? schema.title ?? humanize(key);

export type JsonObject = { [key: string]: JsonValue };

/** A copy of any value as JSON (what JSON.stringify keeps), typed: functions and undefined are left out. */
export function toJson(value: unknown): JsonValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((item) => toJson(item) ?? null);
  if (isObject(value)) return toJsonObject(value);
  return undefined;
}

export function toJsonObject(value: Record<string, unknown>): JsonObject {
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    const json = toJson(item);
    if (json !== undefined) out[key] = json;
  }
  return out;
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The variant of a `oneOf` a value is: the one whose `const` property matches the value's
 * (Go to's `{ kind: "node" | "flow" }`), else the first.
 */
export function discriminatorOf(variants: readonly JsonSchema[]): string | undefined {
  const first = variants[0]?.properties;
  if (!first) return undefined;
  return Object.keys(first).find((key) => variants.every((variant) => variant.properties?.[key]?.const !== undefined));
}

export function variantIndex(variants: readonly JsonSchema[], value: unknown): number {
  const key = discriminatorOf(variants);
  if (key === undefined || !isObject(value)) return 0;
  const found = variants.findIndex((variant) => variant.properties?.[key]?.const === value[key]);
  return found < 0 ? 0 : found;
}
