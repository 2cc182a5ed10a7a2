import {
  type BoundNode,
  type Flow,
  type FlowNode,
  type FlowProblem,
  type NodeCatalog,
  type NodeType,
  type Port,
  fieldPath,
  internStrings,
  nodePorts,
} from '@parley/shared';

export interface CompiledNode {
  node: FlowNode;
  type: NodeType;
  bound: BoundNode;
  ports: Port[];
  /** Output port → the node it leads to. */
  next: Map<string, string>;
}

/** A flow checked and bound to its node types once, when loaded; turns then trust it. */
export interface CompiledFlow {
  flow: Flow;
  startId: string;
  nodes: ReadonlyMap<string, CompiledNode>;
}

export type CompileResult = { ok: true; flow: CompiledFlow } | { ok: false; problems: FlowProblem[] };

/**
 * Binds every node's config to its type. Only problems that make a flow impossible to run fail here
 * (unknown type, invalid config, no start); `validateFlow` reports the rest before publishing.
 */
export function compileFlow(flow: Flow, catalog: NodeCatalog): CompileResult {
  const problems: FlowProblem[] = [];
  const nodes = new Map<string, CompiledNode>();
  let startId: string | undefined;
  for (const node of flow.nodes) {
    const type = catalog.get(node.type);
    if (!type) {
      problems.push({ severity: 'error', code: 'unknown-node-type', nodeId: node.id, message: `Node ${node.id} is of type "${node.type}", which this Parley does not have.` });
      continue;
    }
    // Variable names in configs become keys on every turn: internalized once here (see internStrings).
    const bound = type.bind(internStrings(node.data));
    if (!bound.ok) {
      for (const issue of bound.issues)
        problems.push({ severity: 'error', code: 'invalid-node-data', nodeId: node.id, field: fieldPath(issue.path), message: `Node ${node.id}: ${fieldPath(issue.path)}: ${issue.message}.` });
      continue;
    }
    if (type.isStart && startId === undefined) startId = node.id;
    nodes.set(node.id, { node, type, bound: bound.node, ports: nodePorts(type, node.data), next: new Map() });
  }
  if (startId === undefined) problems.push({ severity: 'error', code: 'no-start', message: 'The flow has no Start node: add one where conversations begin.' });
  if (problems.length > 0 || startId === undefined) return { ok: false, problems };

  for (const edge of flow.edges) {
    const source = nodes.get(edge.source);
    if (!source || !nodes.has(edge.target)) continue;
    const port = edge.sourceHandle ?? source.ports[0]?.id;
    if (port !== undefined) source.next.set(port, edge.target);
  }
  return { ok: true, flow: { flow, startId, nodes } };
}
