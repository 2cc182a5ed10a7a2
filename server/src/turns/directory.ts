import { type NodeCatalog, type Product, parseFlow } from '@parley/shared';
import { type CompiledFlow, compileFlow } from '@parley/runtime';
import { asc, eq, sql } from 'drizzle-orm';
import type { Store } from '../db/open';
import { bots, flowVersions, products } from '../db/schema';
import { productFromRow } from '../catalog/product-row';
import { type ConversationCache, createConversationCache } from './conversation-cache';

export interface BotInfo {
  id: string;
  name: string;
  publishedVersionId: number | null;
  catalogBotId: string | null;
}

export interface LoadedVersion {
  id: number;
  botId: string;
  version: number;
  flow: CompiledFlow;
}

export type VersionLookup = { ok: true; version: LoadedVersion } | { ok: false; error: string };

/**
 * In-memory view of what turns read on every message: bots, compiled flow versions (immutable,
 * so cached for good) and catalogs. Writers invalidate what they change.
 */
export interface Directory {
  bot(botId: string): BotInfo | undefined;
  version(versionId: number): VersionLookup;
  products(botId: string): readonly Product[];
  /** The bot whose catalog this bot sells from: its own id, or the bot it shares a catalog with. */
  catalogOf(botId: string): string;
  forgetBot(botId: string): void;
  forgetProducts(botId: string): void;
  readonly catalog: NodeCatalog;
  /** Committed conversation states; the pipeline keeps them current. */
  readonly conversations: ConversationCache;
}

export function createDirectory({ db }: Store, catalog: NodeCatalog): Directory {
  const botCache = new Map<string, BotInfo>();
  const versionCache = new Map<number, VersionLookup>();
  const productCache = new Map<string, readonly Product[]>();
  const conversationCache = createConversationCache();
  const selectBot = db
    .select({ id: bots.id, name: bots.name, publishedVersionId: bots.publishedVersionId, catalogBotId: bots.catalogBotId })
    .from(bots)
    .where(eq(bots.id, sql.placeholder('id')))
    .prepare();

  const directory: Directory = {
    catalog,
    conversations: conversationCache,
    catalogOf: (botId) => directory.bot(botId)?.catalogBotId ?? botId,
    bot(botId) {
      const cached = botCache.get(botId);
      if (cached) return cached;
      // Only bots that exist are kept: anyone can post to an unknown bot id.
      const row = selectBot.get({ id: botId });
      if (row) botCache.set(botId, row);
      return row;
    },
    version(versionId) {
      const cached = versionCache.get(versionId);
      if (cached) return cached;
      const row = db.select().from(flowVersions).where(eq(flowVersions.id, versionId)).get();
      if (!row) return { ok: false, error: `flow version ${versionId} does not exist` };
      const parsed = parseFlow(JSON.parse(row.flow));
      if (!parsed.ok) return { ok: false, error: `flow version ${versionId} is not a valid flow: ${parsed.problems[0]?.message ?? ''}` };
      const compiled = compileFlow(parsed.flow, catalog);
      const lookup: VersionLookup = compiled.ok
        ? { ok: true, version: { id: row.id, botId: row.botId, version: row.version, flow: compiled.flow } }
        : { ok: false, error: compiled.problems.map((problem) => problem.message).join(' ') };
      versionCache.set(versionId, lookup);
      return lookup;
    },
    products(botId) {
      const owner = directory.catalogOf(botId);
      const cached = productCache.get(owner);
      if (cached) return cached;
      const rows = db.select().from(products).where(eq(products.botId, owner)).orderBy(asc(products.position)).all();
      const list = rows.map(productFromRow);
      productCache.set(owner, list);
      return list;
    },
    forgetBot(botId) {
      botCache.delete(botId);
      conversationCache.forgetBot(botId);
    },
    forgetProducts(botId) {
      productCache.delete(botId);
      productCache.delete(directory.catalogOf(botId));
    },
  };
  return directory;
}
