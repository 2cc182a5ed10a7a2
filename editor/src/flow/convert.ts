import { FLOW_SCHEMA_VERSION, type Flow } from '@parley/shared';
import type { Edge, Node } from '@xyflow/react';
import { type Catalog, portsFor } from './catalog';
import { type JsonObject, toJsonObject } from './schema';

/**
 * A flow node on the canvas: React Flow's node, all of one component type (`step`), whose data is
 * the Parley node's type and its config, plain JSON.
 */
export type StepData = { nodeType: string; config: JsonObject };
export type StepNode = Node<StepData, 'step'>;
export type FlowEdge = Edge;

/** Everything of a flow besides its graph. */
export type FlowMeta = Omit<Flow, 'nodes' | 'edges'>;

export function emptyMeta(id = 'flow', name = 'Flow'): FlowMeta {
  return { schemaVersion: FLOW_SCHEMA_VERSION, id, name, settings: { locale: 'en', maxStepsPerTurn: 200, timezone: 'UTC' }, variables: [], faq: [] };
}

export function toStepNode(node: Flow['nodes'][number]): StepNode {
  return { id: node.id, type: 'step', position: { ...node.position }, data: { nodeType: node.type, config: toJsonObject(node.data) } };
}

export function flowToCanvas(flow: Flow, catalog: Catalog): { meta: FlowMeta; nodes: StepNode[]; edges: FlowEdge[] } {
  const { nodes, edges, ...meta } = flow;
  const stepNodes = nodes.map(toStepNode);
  const byId = new Map(stepNodes.map((node) => [node.id, node]));
  return {
    meta,
    nodes: stepNodes,
    edges: edges.map((edge) => {
      // An absent handle is the source's first port; the canvas names it so the edge attaches there.
      const source = byId.get(edge.source);
      const handle = edge.sourceHandle ?? (source ? portsFor(catalog.get(source.data.nodeType), source.data.config)[0]?.id : undefined) ?? null;
      return { id: edge.id, source: edge.source, target: edge.target, sourceHandle: handle };
    }),
  };
}

export function canvasToFlow(meta: FlowMeta, nodes: readonly StepNode[], edges: readonly FlowEdge[]): Flow {
  return {
    ...meta,
    nodes: nodes.map((node) => ({ id: node.id, type: node.data.nodeType, position: { x: Math.round(node.position.x), y: Math.round(node.position.y) }, data: node.data.config })),
    edges: edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, ...(edge.sourceHandle ? { sourceHandle: edge.sourceHandle } : {}) })),
  };
}
