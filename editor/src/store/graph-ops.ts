import type { Connection } from '@xyflow/react';
import { type Catalog, portsFor } from '../flow/catalog';
import type { FlowEdge, StepNode } from '../flow/convert';
import { uniqueId } from '../flow/ids';

/** Pure edits of the graph; the store applies them with history. */

/**
 * A new connection. An output leads to one step, so a connection from an output that already has
 * one replaces it.
 */
export function connectEdges(edges: readonly FlowEdge[], connection: Connection): FlowEdge[] {
  const handle = connection.sourceHandle ?? null;
  const kept = edges.filter((edge) => !(edge.source === connection.source && (edge.sourceHandle ?? null) === handle));
  const id = uniqueId('e', new Set(edges.map((edge) => edge.id)));
  return [...kept, { id, source: connection.source, target: connection.target, sourceHandle: handle }];
}

/** Moves an existing connection to a new output or target, keeping its id. */
export function reconnectEdges(edges: readonly FlowEdge[], old: FlowEdge, connection: Connection): FlowEdge[] {
  const handle = connection.sourceHandle ?? null;
  return edges.flatMap((edge) => {
    if (edge.id === old.id) return [{ ...edge, source: connection.source, target: connection.target, sourceHandle: handle }];
    // Another connection from the same output gives way, as when drawing a new one.
    if (edge.source === connection.source && (edge.sourceHandle ?? null) === handle) return [];
    return [edge];
  });
}

/**
 * Keeps a node's connections in step with its outputs after its data changed: an output renamed in
 * place (a button's id edited) keeps its connection; one that is gone loses it.
 */
export function reconcilePorts(edges: readonly FlowEdge[], catalog: Catalog, node: StepNode, nextConfig: StepNode['data']['config']): FlowEdge[] {
  const entry = catalog.get(node.data.nodeType);
  if (!entry) return [...edges];
  const before = portsFor(entry, node.data.config).map((port) => port.id);
  const after = portsFor(entry, nextConfig).map((port) => port.id);
  if (before.length === after.length && before.every((id, i) => id === after[i])) return [...edges];
  const kept = new Set(after);
  const renamed = new Map<string, string>();
  if (before.length === after.length)
    before.forEach((id, i) => {
      const next = after[i];
      if (next !== undefined && id !== next && !kept.has(id)) renamed.set(id, next);
    });
  return edges.flatMap((edge) => {
    if (edge.source !== node.id || !edge.sourceHandle || kept.has(edge.sourceHandle)) return [edge];
    const next = renamed.get(edge.sourceHandle);
    return next === undefined ? [] : [{ ...edge, sourceHandle: next }];
  });
}

/** Removes the selected nodes (with their connections) and the selected connections. */
export function removeSelected(nodes: readonly StepNode[], edges: readonly FlowEdge[]): { nodes: StepNode[]; edges: FlowEdge[] } | undefined {
  const gone = new Set(nodes.filter((node) => node.selected).map((node) => node.id));
  const edgesLeft = edges.filter((edge) => !edge.selected && !gone.has(edge.source) && !gone.has(edge.target));
  if (gone.size === 0 && edgesLeft.length === edges.length) return undefined;
  return { nodes: nodes.filter((node) => !gone.has(node.id)), edges: edgesLeft };
}

/** Edges walked by a test conversation: between consecutive nodes of its path. */
export function edgesOnPath(edges: readonly FlowEdge[], path: readonly string[]): Set<string> {
  const bySource = new Map<string, FlowEdge[]>();
  for (const edge of edges) bySource.set(edge.source, [...(bySource.get(edge.source) ?? []), edge]);
  const taken = new Set<string>();
  for (let i = 0; i + 1 < path.length; i++) {
    const edge = bySource.get(path[i] ?? '')?.find((candidate) => candidate.target === path[i + 1]);
    if (edge) taken.add(edge.id);
  }
  return taken;
}
