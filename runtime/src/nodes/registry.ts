import type { NodeCatalog, NodeType } from '@parley/shared';
import { buttonsNode } from './buttons/buttons';
import { endNode } from './end/end';
import { messageNode } from './message/message';
import { startNode } from './start/start';

/** Every built-in node type. Adding one here is all it takes for the engine, validation and editor to know it. */
export const builtInNodeTypes: readonly NodeType[] = [startNode, messageNode, buttonsNode, endNode];

/** A catalog of node types by name; custom nodes join the built-in ones here. */
export function createNodeCatalog(types: readonly NodeType[]): NodeCatalog {
  const catalog = new Map<string, NodeType>();
  for (const type of types) {
    if (catalog.has(type.type)) throw new Error(`Two node types are named "${type.type}"`);
    catalog.set(type.type, type);
  }
  return catalog;
}

export const builtInCatalog: NodeCatalog = createNodeCatalog(builtInNodeTypes);
