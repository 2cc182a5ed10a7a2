import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NODE_CATEGORIES, type NodeType } from '@parley/shared';
import { builtInNodeTypes } from '@parley/runtime';
import { type Result, fail, ok } from './errors';

/**
 * Developers' node types, loaded at start from the modules `PARLEY_NODES` names. Each module exports
 * `nodeTypes: NodeType[]` (or a default export of that array), made with `defineNodeType` exactly as
 * the built-in nodes are.
 */

const invalid = (message: string) => fail({ status: 422, code: 'invalid_custom_nodes', message });

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Imports a module; a TypeScript one under plain Node (the bundled server) goes through tsx. */
export async function importModule(file: string): Promise<unknown> {
  const url = pathToFileURL(file).href;
  try {
    return await import(url);
  } catch (error) {
    if (!(isRecord(error) && error.code === 'ERR_UNKNOWN_FILE_EXTENSION')) throw error;
    const { register } = await import('tsx/esm/api');
    register();
    // A new URL: Node keeps the failed attempt cached under the old one.
    return await import(`${url}?tsx`);
  }
}

/** What is wrong with a value that should be a node type, or undefined when it looks like one. */
function nodeTypeProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'is not an object; make node types with defineNodeType()';
  if (typeof value.type !== 'string' || value.type === '') return 'has no "type" name';
  const missing: string[] = [];
  if (typeof value.title !== 'string') missing.push('"title" (a string)');
  if (!NODE_CATEGORIES.some((category) => category === value.category)) missing.push(`"category" (one of ${NODE_CATEGORIES.join(', ')})`);
  if (!isRecord(value.config) || typeof value.config.safeParse !== 'function') missing.push('"config" (a zod schema)');
  if (!Array.isArray(value.ports)) missing.push('"ports" (a list)');
  if (typeof value.bind !== 'function') missing.push('"bind" (made by defineNodeType)');
  return missing.length === 0 ? undefined : `lacks ${missing.join(', ')}; make node types with defineNodeType()`;
}

const looksLikeNodeType = (value: unknown): value is NodeType => nodeTypeProblem(value) === undefined;

/** The node types one imported module exports, or what is wrong with it. */
function exportedTypes(module: unknown, name: string): Result<NodeType[]> {
  const exports = isRecord(module) ? module : {};
  const list = exports.nodeTypes ?? exports.default;
  if (!Array.isArray(list)) return invalid(`${name} must export "nodeTypes" (or a default export): a list of node types made with defineNodeType().`);
  const types: NodeType[] = [];
  for (const [index, value] of list.entries()) {
    if (looksLikeNodeType(value)) {
      types.push(value);
      continue;
    }
    const label = isRecord(value) && typeof value.type === 'string' && value.type !== '' ? `"${value.type}"` : `number ${index + 1}`;
    return invalid(`${name}: node type ${label} ${nodeTypeProblem(value) ?? ''}.`);
  }
  return ok(types);
}

/** Loads every module in order; the first problem stops the load, naming the module and what is wrong. */
export async function loadCustomNodeTypes(paths: readonly string[]): Promise<Result<NodeType[]>> {
  const owners = new Map<string, string>(builtInNodeTypes.map((type) => [type.type, 'a built-in node type']));
  const all: NodeType[] = [];
  for (const file of paths) {
    const name = path.relative(process.cwd(), file) || file;
    let module: unknown;
    try {
      module = await importModule(path.resolve(file));
    } catch (error) {
      return invalid(`Cannot load custom node types from ${name}: ${errorText(error)}`);
    }
    const types = exportedTypes(module, name);
    if (!types.ok) return types;
    for (const type of types.value) {
      const owner = owners.get(type.type);
      if (owner !== undefined) return invalid(`${name}: the node type "${type.type}" is already ${owner}; give it another type name.`);
      owners.set(type.type, `defined in ${name}`);
      all.push(type);
    }
  }
  return ok(all);
}
