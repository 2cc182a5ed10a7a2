import type { Flow, FlowNode } from './flow';
import { cyclicComponents, reachableFrom } from './graph';
import type { NodeType } from './node-type';
import { allStrings, stringsAt } from './paths';
import { nodePorts, waitsForCustomer } from './ports';
import { fieldPath } from './problems';
import { templateVariables } from './template';
import { type FaqProblem, faqTextsFor, validateFaq } from './validate-faq';

export interface FlowProblem {
  severity: 'error' | 'warning';
  code:
    | 'duplicate-id'
    | 'unknown-node-type'
    | 'invalid-node-data'
    | 'edge-missing-node'
    | 'edge-unknown-port'
    | 'port-not-connected'
    | 'unreachable-node'
    | 'no-start'
    | 'several-starts'
    | 'variable-never-set'
    | 'loop-without-wait'
    | 'link-missing-node'
    | FaqProblem['code'];
  message: string;
  nodeId?: string;
  edgeId?: string;
  field?: string;
}

/** Variables every conversation has, filled by the server: the channel, the customer, this server (`parley.publicUrl`). */
export const SYSTEM_VARIABLES = ['contact', 'channel', 'conversation', 'parley'] as const;

export type NodeCatalog = ReadonlyMap<string, NodeType>;

function nodeName(node: FlowNode, type: NodeType | undefined): string {
  const label = node.data.label;
  if (typeof label === 'string' && label.trim() !== '') return `"${label}"`;
  return `${type ? type.title : node.type} (${node.id})`;
}

/** Every problem of a flow at once, each with a sentence its author understands. */
export function validateFlow(flow: Flow, catalog: NodeCatalog): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const nodes = new Map<string, FlowNode>();
  for (const node of flow.nodes) {
    if (nodes.has(node.id)) problems.push({ severity: 'error', code: 'duplicate-id', nodeId: node.id, message: `Two nodes share the id "${node.id}".` });
    nodes.set(node.id, node);
  }
  const edgeIds = new Set<string>();
  for (const edge of flow.edges) {
    if (edgeIds.has(edge.id)) problems.push({ severity: 'error', code: 'duplicate-id', edgeId: edge.id, message: `Two connections share the id "${edge.id}".` });
    edgeIds.add(edge.id);
  }

  const starts: FlowNode[] = [];
  const adjacency = new Map<string, string[]>();
  const connected = new Set<string>();
  const setVariables = new Set<string>([...SYSTEM_VARIABLES, ...flow.variables.map((v) => v.name)]);
  const reads: { node: FlowNode; name: string }[] = [];
  /** Whether each node may wait, judged on its data with defaults filled in, as the engine runs it. */
  const waits = new Map<string, boolean>();

  for (const node of nodes.values()) {
    adjacency.set(node.id, []);
    const type = catalog.get(node.type);
    if (!type) {
      problems.push({ severity: 'error', code: 'unknown-node-type', nodeId: node.id, message: `Node ${nodeName(node, type)} is of type "${node.type}", which this Parley does not have.` });
      continue;
    }
    if (type.isStart) starts.push(node);
    const parsed = type.config.safeParse(node.data);
    waits.set(node.id, waitsForCustomer(type, parsed.success ? parsed.data : node.data));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldPath(issue.path);
        problems.push({ severity: 'error', code: 'invalid-node-data', nodeId: node.id, field, message: `Node ${nodeName(node, type)}: ${field ? `${field}: ` : ''}${issue.message}.` });
      }
    }
    // Defaults count: a node's default `saveAs` sets a variable even when the file leaves it out.
    const data = parsed.success ? parsed.data : node.data;
    for (const path of type.variables.writes ?? []) for (const name of stringsAt(data, path)) setVariables.add(name);
    for (const name of type.variables.fixedWrites ?? []) setVariables.add(name);
    for (const { path, suffix } of type.variables.suffixedWrites ?? []) for (const name of stringsAt(data, path)) setVariables.add(`${name}${suffix}`);
    const local = new Set(type.variables.local ?? []);
    for (const path of type.variables.reads ?? []) for (const name of stringsAt(data, path)) reads.push({ node, name });
    // A node that answers from the FAQ renders its entries' templates: they count as its own.
    const texts = type.readsFaq ? [...allStrings(node.data), ...faqTextsFor(flow.faq, stringsAt(node.data, type.readsFaq.tags))] : allStrings(node.data);
    for (const text of texts)
      for (const name of templateVariables(text, { withDefaults: false })) if (!local.has(name.split('.')[0] ?? '')) reads.push({ node, name });
  }

  for (const edge of flow.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      const missing = source ? edge.target : edge.source;
      problems.push({ severity: 'error', code: 'edge-missing-node', edgeId: edge.id, nodeId: source ? source.id : undefined, message: `A connection points to node "${missing}", which does not exist.` });
      continue;
    }
    const type = catalog.get(source.type);
    if (!type) {
      adjacency.get(source.id)?.push(target.id);
      continue;
    }
    const ports = nodePorts(type, source.data);
    const port = edge.sourceHandle ?? ports[0]?.id;
    if (!port || !ports.some((p) => p.id === port)) {
      // The engine never follows such a connection, so it counts for neither reachability nor loops.
      const message =
        ports.length === 0
          ? `Node ${nodeName(source, type)} has no outputs, so nothing can follow it; remove this connection.`
          : `Node ${nodeName(source, type)} has no output "${port ?? ''}" for this connection; reconnect it.`;
      problems.push({ severity: 'error', code: 'edge-unknown-port', edgeId: edge.id, nodeId: source.id, message });
      continue;
    }
    adjacency.get(source.id)?.push(target.id);
    connected.add(`${source.id}\u0000${port}`);
  }

  for (const node of nodes.values()) {
    const type = catalog.get(node.type);
    if (!type) continue;
    for (const port of nodePorts(type, node.data))
      if (port.required && !connected.has(`${node.id}\u0000${port.id}`))
        problems.push({ severity: 'error', code: 'port-not-connected', nodeId: node.id, message: `Node ${nodeName(node, type)}: connect its "${port.label}" output to the next step.` });
    for (const path of type.links)
      for (const target of stringsAt(node.data, path)) {
        if (nodes.has(target)) adjacency.get(node.id)?.push(target);
        else problems.push({ severity: 'error', code: 'link-missing-node', nodeId: node.id, message: `Node ${nodeName(node, type)} goes to node "${target}", which does not exist.` });
      }
  }

  const [start] = starts;
  if (!start) problems.push({ severity: 'error', code: 'no-start', message: 'The flow has no Start node: add one where conversations begin.' });
  if (starts.length > 1)
    for (const extra of starts.slice(1))
      problems.push({ severity: 'error', code: 'several-starts', nodeId: extra.id, message: `The flow has ${starts.length} Start nodes; keep only one.` });
  if (start) {
    const reachable = reachableFrom(start.id, adjacency);
    for (const node of nodes.values())
      if (!reachable.has(node.id))
        problems.push({ severity: 'warning', code: 'unreachable-node', nodeId: node.id, message: `Node ${nodeName(node, catalog.get(node.type))} can never be reached: no path leads to it from Start.` });
  }

  const reported = new Set<string>();
  for (const { node, name } of reads) {
    const root = name.split('.')[0] ?? name;
    if (setVariables.has(name) || setVariables.has(root) || reported.has(`${node.id}\u0000${name}`)) continue;
    reported.add(`${node.id}\u0000${name}`);
    problems.push({ severity: 'error', code: 'variable-never-set', nodeId: node.id, message: `Node ${nodeName(node, catalog.get(node.type))} uses {{${name}}}, but no step ever sets "${root}". Set it earlier or declare it in the flow's variables.` });
  }

  const stepping = [...nodes.values()].filter((node) => {
    const type = catalog.get(node.type);
    return type !== undefined && waits.get(node.id) === false;
  });
  const steppingIds = new Set(stepping.map((node) => node.id));
  const steppingAdjacency = new Map<string, string[]>();
  for (const id of steppingIds) steppingAdjacency.set(id, (adjacency.get(id) ?? []).filter((target) => steppingIds.has(target)));
  for (const component of cyclicComponents([...steppingIds], steppingAdjacency)) {
    const names = component.map((id) => {
      const node = nodes.get(id);
      return node ? nodeName(node, catalog.get(node.type)) : id;
    });
    problems.push({ severity: 'error', code: 'loop-without-wait', nodeId: component[0], message: `Nodes ${names.join(' → ')} form a loop that never waits for the customer, so it would run forever. Add a question or buttons inside the loop.` });
  }
  problems.push(...validateFaq(flow, catalog, nodeName));
  return problems;
}

export function hasErrors(problems: readonly FlowProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
