import { type Flow, flowSchema, productSchema } from '@parley/shared';
import { z } from 'zod';
import { download, request } from './http';

export const botSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  draftRevision: z.number(),
  publishedVersionId: z.number().nullable(),
  publishedVersion: z.number().nullable(),
  /** The bot whose catalog this one sells from; null: its own. */
  catalogBotId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Bot = z.infer<typeof botSchema>;

export const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  field: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

const enc = encodeURIComponent;
const savedSchema = z.object({ revision: z.number(), problems: z.array(problemSchema) });
export type Saved = z.infer<typeof savedSchema>;
const draftSchema = z.object({ flow: flowSchema, revision: z.number(), problems: z.array(problemSchema) });
export type Draft = z.infer<typeof draftSchema>;

export const listBots = () => request('GET', '/api/bots', z.object({ bots: z.array(botSchema) }));
export const getBot = (id: string) => request('GET', `/api/bots/${enc(id)}`, botSchema);
export const createBot = (input: { name: string; description?: string; flow?: unknown }) => request('POST', '/api/bots', botSchema, { body: input });
export const updateBot = (id: string, input: { name?: string; description?: string; catalogBotId?: string | null }) => request('PATCH', `/api/bots/${enc(id)}`, botSchema, { body: input });
export const deleteBot = (id: string) => request('DELETE', `/api/bots/${enc(id)}`, z.unknown());

export const getDraft = (id: string) => request('GET', `/api/bots/${enc(id)}/flow`, draftSchema);
export const saveDraft = (id: string, flow: Flow, revision: number) => request('PUT', `/api/bots/${enc(id)}/flow`, savedSchema, { body: { flow, revision } });
export const importFlow = (id: string, file: unknown) => request('POST', `/api/bots/${enc(id)}/import`, savedSchema, { body: file });
export const exportFlow = (id: string, version?: number) => download(`/api/bots/${enc(id)}/export${version === undefined ? '' : `?version=${version}`}`);
export const validate = (flow: Flow) => request('POST', '/api/validate', z.object({ problems: z.array(problemSchema) }), { body: { flow } });

const versionSchema = z.object({ id: z.number(), version: z.number(), note: z.string(), createdBy: z.string(), createdAt: z.string(), published: z.boolean() });
export type Version = z.infer<typeof versionSchema>;
export const publish = (id: string, note: string) =>
  request('POST', `/api/bots/${enc(id)}/publish`, z.object({ version: z.number(), versionId: z.number() }), { body: note.trim() ? { note: note.trim() } : {} });
export const listVersions = (id: string) => request('GET', `/api/bots/${enc(id)}/versions`, z.object({ versions: z.array(versionSchema) }));
export const getVersion = (id: string, version: number) => request('GET', `/api/bots/${enc(id)}/versions/${version}`, versionSchema.extend({ flow: flowSchema }));
export const rollback = (id: string, version: number) =>
  request('POST', `/api/bots/${enc(id)}/versions/${version}/rollback`, z.object({ version: z.number(), versionId: z.number(), revision: z.number() }));

export const listProducts = (id: string) => request('GET', `/api/bots/${enc(id)}/products`, z.object({ products: z.array(productSchema) }));
export const importProducts = (id: string, products: unknown[]) => request('POST', `/api/bots/${enc(id)}/products`, z.object({ imported: z.number() }), { body: products });
