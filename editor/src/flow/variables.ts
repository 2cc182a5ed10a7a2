import { stringsAt } from '@parley/shared';
import type { Catalog } from './catalog';
import type { FlowMeta, StepData } from './convert';

/** Paths of the system variables, as a template reads them. */
const SYSTEM_PATHS = ['channel', 'contact.id', 'conversation.id', 'parley.publicUrl'];

export interface KnownVariable {
  name: string;
  /** Where it comes from: "declared", "system", or the node that sets it. */
  source: string;
}

/** A config with its top-level defaults filled in, as validation reads a node (a default `saveAs` sets a variable). */
function withDefaults(config: Record<string, unknown>, properties: Record<string, { default?: unknown }>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const [key, schema] of Object.entries(properties)) if (out[key] === undefined && schema.default !== undefined) out[key] = schema.default;
  return out;
}

/**
 * Every variable a template may read in this flow: declared ones, system ones, and those nodes
 * write (from each type's `variables` spec). `local` adds the names one node's own templates see.
 */
export function knownVariables(meta: FlowMeta, nodes: readonly StepData[], catalog: Catalog, localTo?: StepData): KnownVariable[] {
  const found = new Map<string, string>();
  for (const variable of meta.variables) found.set(variable.name, 'declared');
  for (const node of nodes) {
    const entry = catalog.get(node.nodeType);
    if (!entry) continue;
    const data = withDefaults(node.config, entry.schema.properties ?? {});
    const source = typeof data.label === 'string' && data.label ? data.label : entry.title;
    const spec = entry.variables;
    for (const path of spec.writes ?? []) for (const name of stringsAt(data, path)) if (!found.has(name)) found.set(name, source);
    for (const name of spec.fixedWrites ?? []) if (!found.has(name)) found.set(name, source);
    for (const { path, suffix } of spec.suffixedWrites ?? []) for (const name of stringsAt(data, path)) if (!found.has(`${name}${suffix}`)) found.set(`${name}${suffix}`, source);
  }
  if (localTo) {
    const entry = catalog.get(localTo.nodeType);
    for (const name of entry?.variables.local ?? []) found.set(name, 'this step');
  }
  for (const path of SYSTEM_PATHS) if (!found.has(path)) found.set(path, 'system');
  return [...found.entries()].map(([name, source]) => ({ name, source }));
}
