import { flowEdgeSchema, flowNodeSchema } from '@parley/shared';
import { z } from 'zod';
import type { Catalog } from './catalog';
import { type FlowEdge, type StepNode, toStepNode } from './convert';
import { nodeIdPrefix, uniqueId } from './ids';

/** Copied nodes travel as JSON text, so they paste into another bot, another tab or a text file. */
const CLIPBOARD_KIND = 'parley/nodes';
const clipboardSchema = z.object({ kind: z.literal(CLIPBOARD_KIND), nodes: z.array(flowNodeSchema), edges: z.array(flowEdgeSchema) });

/** The selected nodes and the connections between them, as clipboard text. */
export function copyText(nodes: readonly StepNode[], edges: readonly FlowEdge[]): string | undefined {
  const chosen = nodes.filter((node) => node.selected);
  if (chosen.length === 0) return undefined;
  const ids = new Set(chosen.map((node) => node.id));
  return JSON.stringify({
    kind: CLIPBOARD_KIND,
    nodes: chosen.map((node) => ({ id: node.id, type: node.data.nodeType, position: node.position, data: node.data.config })),
    edges: edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, sourceHandle: edge.sourceHandle ?? null })),
  });
}

export interface Pasted {
  nodes: StepNode[];
  edges: FlowEdge[];
}

/**
 * Nodes from clipboard text, with new ids where theirs are taken, placed with their top-left
 * corner at `at`. A second Start is left out: a flow has one.
 */
export function pasteFrom(text: string, existing: { nodeIds: ReadonlySet<string>; edgeIds: ReadonlySet<string>; hasStart: boolean }, catalog: Catalog, at: { x: number; y: number }): Pasted | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = clipboardSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const source = parsed.data.nodes.filter((node) => !(existing.hasStart && catalog.get(node.type)?.isStart));
  if (source.length === 0) return undefined;
  const takenNodes = new Set(existing.nodeIds);
  const takenEdges = new Set(existing.edgeIds);
  const renamed = new Map<string, string>();
  const left = Math.min(...source.map((node) => node.position.x));
  const top = Math.min(...source.map((node) => node.position.y));
  const nodes = source.map((node) => {
    const id = takenNodes.has(node.id) ? uniqueId(nodeIdPrefix(node.type), takenNodes) : node.id;
    takenNodes.add(id);
    renamed.set(node.id, id);
    const step = toStepNode({ ...node, id, position: { x: node.position.x - left + at.x, y: node.position.y - top + at.y } });
    return { ...step, selected: true };
  });
  const edges: FlowEdge[] = [];
  for (const edge of parsed.data.edges) {
    const sourceId = renamed.get(edge.source);
    const targetId = renamed.get(edge.target);
    if (!sourceId || !targetId) continue;
    const id = takenEdges.has(edge.id) ? uniqueId('e', takenEdges) : edge.id;
    takenEdges.add(id);
    edges.push({ id, source: sourceId, target: targetId, sourceHandle: edge.sourceHandle ?? null });
  }
  return { nodes, edges };
}
