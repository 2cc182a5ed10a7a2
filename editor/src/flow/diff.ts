import type { Flow } from '@parley/shared';

export interface FlowChanges {
  added: string[];
  removed: string[];
  edited: string[];
  /** Connections drawn or removed. */
  connections: { added: number; removed: number };
  /** Variables or settings changed. */
  settings: boolean;
}

const edgeKey = (edge: Flow['edges'][number]) => `${edge.source}\u0000${edge.sourceHandle ?? ''}\u0000${edge.target}`;

/** What changed from `before` to `after`: node ids added, removed, edited (type or data; moving is not an edit). */
export function diffFlows(before: Flow, after: Flow): FlowChanges {
  const old = new Map(before.nodes.map((node) => [node.id, node]));
  const now = new Map(after.nodes.map((node) => [node.id, node]));
  const added = after.nodes.filter((node) => !old.has(node.id)).map((node) => node.id);
  const removed = before.nodes.filter((node) => !now.has(node.id)).map((node) => node.id);
  const edited = after.nodes
    .filter((node) => {
      const prior = old.get(node.id);
      return prior !== undefined && (prior.type !== node.type || JSON.stringify(prior.data) !== JSON.stringify(node.data));
    })
    .map((node) => node.id);
  const oldEdges = new Set(before.edges.map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));
  const connections = { added: [...newEdges].filter((key) => !oldEdges.has(key)).length, removed: [...oldEdges].filter((key) => !newEdges.has(key)).length };
  const settings = JSON.stringify([before.settings, before.variables]) !== JSON.stringify([after.settings, after.variables]);
  return { added, removed, edited, connections, settings };
}

export const hasChanges = (changes: FlowChanges) =>
  changes.added.length + changes.removed.length + changes.edited.length + changes.connections.added + changes.connections.removed > 0 || changes.settings;
