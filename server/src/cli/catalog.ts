import type { NodeCatalog } from '@parley/shared';
import { builtInNodeTypes, createNodeCatalog } from '@parley/runtime';
import { loadCustomNodeTypes } from '../custom-nodes';
import { nodeModulePaths } from '../env';

/** The node types a flow file may use on the command line: the built-in ones and those `PARLEY_NODES` names; or why they cannot load. */
export async function loadCatalog(): Promise<NodeCatalog | string> {
  const custom = await loadCustomNodeTypes(nodeModulePaths(process.env.PARLEY_NODES));
  return custom.ok ? createNodeCatalog([...builtInNodeTypes, ...custom.value]) : custom.error.message;
}
