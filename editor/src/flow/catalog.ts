import { NODE_CATEGORIES, type Port, portsOf } from '@parley/shared';
import type { NodeTypeInfo } from '../api/node-types';
import { type JsonSchema, readSchema } from './schema';

/** A node type with its config schema read once, as the canvas, palette and inspector use it. */
export interface CatalogEntry extends NodeTypeInfo {
  schema: JsonSchema;
}
export type Catalog = ReadonlyMap<string, CatalogEntry>;

export function buildCatalog(types: readonly NodeTypeInfo[]): Catalog {
  return new Map(types.map((info) => [info.type, { ...info, schema: readSchema(info.configSchema) }]));
}

export interface PaletteGroup {
  category: string;
  types: CatalogEntry[];
}

/** Palette groups in the contract's order; a category the contract does not know goes last, as is. */
export function paletteGroups(catalog: Catalog): PaletteGroup[] {
  const order: readonly string[] = NODE_CATEGORIES;
  const groups = new Map<string, CatalogEntry[]>();
  for (const entry of catalog.values()) {
    const list = groups.get(entry.category) ?? [];
    list.push(entry);
    groups.set(entry.category, list);
  }
  const rank = (category: string) => (order.includes(category) ? order.indexOf(category) : order.length);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([category, types]) => ({ category, types }));
}

/** A node's output ports for its current data (one per button, per outcome…). */
export function portsFor(entry: CatalogEntry | undefined, config: unknown): Port[] {
  return entry ? portsOf(entry.ports, config) : [];
}
