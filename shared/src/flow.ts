import { z } from 'zod';
import { isTimeZone } from './business-hours';
import { faqTableSchema } from './faq';
import { jsonValueSchema } from './json';

/** The current version of the flow file format; older files are migrated on load (see migrate.ts). */
export const FLOW_SCHEMA_VERSION = 2;

const id = z.string().min(1).max(200);

export const positionSchema = z.object({ x: z.number(), y: z.number() });

export const flowNodeSchema = z.object({
  id,
  type: z.string().min(1).max(100),
  position: positionSchema,
  /** Checked against the node type's own config schema by `validateFlow`. */
  data: z.record(z.string(), z.unknown()),
});

export const flowEdgeSchema = z.object({
  id,
  source: id,
  /** The output port of the source node; null or absent means its first port (React Flow's default handle). */
  sourceHandle: z.string().nullish(),
  target: id,
  targetHandle: z.string().nullish(),
});

export const flowVariableSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][\w.]*$/, 'a variable name starts with a letter and holds letters, digits, _ or .'),
  default: jsonValueSchema.optional(),
  description: z.string().optional(),
});

export const flowSettingsSchema = z
  .object({
    /** Language of the bot's own texts (BCP 47), used when folding accents and parsing dates. */
    locale: z.string().default('en'),
    /** How many nodes one turn may run before it is stopped as a loop. */
    maxStepsPerTurn: z.number().int().min(10).max(10_000).default(200),
    /** Time zone used for dates and business hours when a node names none. */
    timezone: z.string().refine(isTimeZone, 'the time zone must be an IANA name such as Europe/Paris').default('UTC'),
  })
  .default({ locale: 'en', maxStepsPerTurn: 200, timezone: 'UTC' });

export const flowSchema = z.object({
  schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
  id,
  name: z.string().min(1).max(200),
  description: z.string().optional(),
  settings: flowSettingsSchema,
  variables: z.array(flowVariableSchema).default([]),
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema).default([]),
  /** The bot's questions and answers, read by its FAQ nodes (see faq.ts). */
  faq: faqTableSchema.default([]),
});

export type Flow = z.infer<typeof flowSchema>;
export type FlowInput = z.input<typeof flowSchema>;
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type FlowSettings = z.infer<typeof flowSettingsSchema>;
