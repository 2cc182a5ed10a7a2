import { faqEntrySchema, faqTableSchema } from '@parley/shared';
import { z } from 'zod';
import { problemSchema } from '../bots/schemas';

export const faqViewSchema = z.object({ faq: z.array(faqEntrySchema), revision: z.number().int(), problems: z.array(problemSchema) });
export const saveFaqSchema = z.object({
  faq: faqTableSchema,
  revision: z.number().int().min(0).optional().meta({ description: "The draft's revision the edit started from; refused with 409 if someone saved since." }),
});
export const savedFaqSchema = z.object({ revision: z.number().int(), problems: z.array(problemSchema) });
export const importQuery = z.object({
  mode: z.enum(['merge', 'replace']).default('merge').meta({ description: 'merge (default): rows update entries with their id and add the others; replace: the file becomes the table.' }),
  revision: z.coerce.number().int().min(0).optional().meta({ description: "The draft's revision; refused with 409 if someone saved since." }),
});
export const importedFaqSchema = z.object({ added: z.number().int(), updated: z.number().int(), revision: z.number().int(), problems: z.array(problemSchema) });
export const unansweredSchema = z.object({
  groups: z.array(
    z.object({
      key: z.string(),
      count: z.number().int(),
      lastAskedAt: z.string(),
      examples: z.array(z.string()),
      closest: z.object({ id: z.string(), question: z.string() }).nullable(),
    }),
  ),
});
export const dismissSchema = z.object({ key: z.string().min(1, 'name the question to dismiss by its key').max(300) });
