import { flowSchema, productSchema } from '@parley/shared';
import { z } from 'zod';

/**
 * The admin API's shapes, shared by the service (which validates callers such as start-up seeding)
 * and the routes (which validate requests and document them).
 */

export const BOT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

export const botIdSchema = z
  .string()
  .regex(BOT_ID_PATTERN, 'a bot id is 2 to 63 lowercase letters, digits or dashes, starting with a letter or digit')
  .meta({ description: 'Used in webhook URLs; generated from the name when absent.' });

/** A flow file of any format version: checked (and migrated) by `parseFlow`, not here. */
export const flowInputSchema = z
  .record(z.string(), z.unknown())
  .meta({ description: 'A Parley flow (see /api/flow-schema.json); files of older format versions are migrated.' });

export const createBotSchema = z.object({
  id: botIdSchema.optional(),
  name: z.string().trim().min(1, 'a bot needs a name').max(200),
  description: z.string().max(2_000).optional(),
  flow: flowInputSchema.optional(),
});
/** What callers pass; the flow (any JSON, e.g. a file read at start-up) is checked by `parseFlow`. */
export type CreateBotInput = Omit<z.input<typeof createBotSchema>, 'flow'> & { flow?: unknown };

export const updateBotSchema = z.object({
  name: z.string().trim().min(1, 'a bot needs a name').max(200).optional(),
  description: z.string().max(2_000).optional(),
  catalogBotId: z
    .string()
    .min(1)
    .nullable()
    .optional()
    .meta({ description: "Sell from another bot's catalog (one stock for both); null returns to the bot's own catalog." }),
});
export type UpdateBotInput = z.input<typeof updateBotSchema>;

export const saveDraftSchema = z.object({
  flow: flowInputSchema,
  revision: z.number().int().min(1).optional().meta({ description: 'The revision this edit started from; a save over a newer one is refused (409).' }),
});

export const publishSchema = z.object({
  note: z.string().max(1_000).optional(),
});

export const validateSchema = z.object({ flow: flowInputSchema });

export const botViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  draftRevision: z.number().int(),
  publishedVersionId: z.number().int().nullable(),
  /** The published version's number (1, 2, …), null before the first publish. */
  publishedVersion: z.number().int().nullable(),
  /** The bot whose catalog this one sells from; null: its own. */
  catalogBotId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BotView = z.infer<typeof botViewSchema>;

export const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  field: z.string().optional(),
});

export const draftViewSchema = z.object({ flow: flowSchema, revision: z.number().int(), problems: z.array(problemSchema) });
export const savedDraftSchema = z.object({ revision: z.number().int(), problems: z.array(problemSchema) });

export const versionViewSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  note: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  published: z.boolean(),
});
export type VersionView = z.infer<typeof versionViewSchema>;
export const versionDetailSchema = versionViewSchema.extend({ flow: flowSchema });

export const publishedSchema = z.object({ version: z.number().int(), versionId: z.number().int() });

export const productListSchema = z.object({ products: z.array(productSchema) });
export const importedSchema = z.object({ imported: z.number().int() });
