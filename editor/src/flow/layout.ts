import type { FlowEdge, StepNode } from './convert';

const DEFAULT_SIZE = { width: 240, height: 120 };

/**
 * Positions for every node, left to right along the connections (dagre). Loaded on first use:
 * the layout library is not part of the editor's first load.
 */
export async function autoLayout(nodes: readonly StepNode[], edges: readonly FlowEdge[]): Promise<Map<string, { x: number; y: number }>> {
  const { Graph, layout } = await import('@dagrejs/dagre');
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    const width = node.measured?.width ?? DEFAULT_SIZE.width;
    const height = node.measured?.height ?? DEFAULT_SIZE.height;
    graph.setNode(node.id, { width, height });
  }
  for (const edge of edges) if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target, {}, edge.id);
  layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const placed = graph.node(node.id);
    const width = node.measured?.width ?? DEFAULT_SIZE.width;
    const height = node.measured?.height ?? DEFAULT_SIZE.height;
    // dagre gives centres; React Flow places nodes by their top-left corner.
    if (placed && typeof placed.x === 'number' && typeof placed.y === 'number') positions.set(node.id, { x: Math.round(placed.x - width / 2), y: Math.round(placed.y - height / 2) });
  }
  return positions;
}
