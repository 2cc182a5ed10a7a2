import type { Flow } from '@parley/shared';
import { type Connection, type EdgeChange, type NodeChange, applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import { createStore } from 'zustand/vanilla';
import type { Problem } from '../api/bots';
import type { Catalog } from '../flow/catalog';
import { copyText, pasteFrom } from '../flow/clipboard';
import { type FlowEdge, type FlowMeta, type StepNode, canvasToFlow, emptyMeta, flowToCanvas } from '../flow/convert';
import { initialConfig } from '../flow/defaults';
import { nodeIdPrefix, uniqueId } from '../flow/ids';
import type { JsonObject } from '../flow/schema';
import { connectEdges, edgesOnPath, reconcilePorts, reconnectEdges, removeSelected } from './graph-ops';
import { type History, type Snapshot, emptyHistory, record, redo, undo } from './history';

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  /** Someone saved a newer revision: autosave stops until the user chooses. */
  | { kind: 'conflict'; message: string; theirRevision: number }
  | { kind: 'error'; message: string };

/** Where a test conversation went: the node it waits at and the nodes and connections it walked. */
export interface RunView {
  activeNodeId: string | null;
  pathNodeIds: ReadonlySet<string>;
  pathEdgeIds: ReadonlySet<string>;
}

export interface EditorState {
  botId: string | null;
  catalog: Catalog;
  meta: FlowMeta;
  nodes: StepNode[];
  edges: FlowEdge[];
  history: History;
  /** The server's revision the next save builds on. */
  revision: number;
  /** Bumped by every change to the flow's content (not by selecting or measuring). */
  version: number;
  savedVersion: number;
  save: SaveStatus;
  problems: Problem[];
  /** The worst problem of each node, for marking it on the canvas. */
  nodeProblems: ReadonlyMap<string, 'error' | 'warning'>;
  run: RunView;
  /** The canvas centres on this node when it changes (problem clicked, search result chosen). */
  focus: { nodeId: string; seq: number } | null;
}

export interface EditorActions {
  load(input: { botId: string; flow: Flow; revision: number; problems: Problem[]; catalog: Catalog }): void;
  flow(): Flow;
  onNodesChange(changes: NodeChange<StepNode>[]): void;
  onEdgesChange(changes: EdgeChange<FlowEdge>[]): void;
  beginDrag(): void;
  endDrag(): void;
  connect(connection: Connection): void;
  reconnect(old: FlowEdge, connection: Connection): void;
  removeEdge(edgeId: string): void;
  addNode(nodeType: string, position: { x: number; y: number }): string | undefined;
  updateConfig(nodeId: string, config: JsonObject, editKey?: string): void;
  updateMeta(meta: FlowMeta, editKey?: string): void;
  deleteSelection(): void;
  duplicateSelection(): void;
  select(nodeIds: readonly string[]): void;
  selectAll(): void;
  focusNode(nodeId: string): void;
  copy(): string | undefined;
  cut(): string | undefined;
  paste(text: string, at: { x: number; y: number }): boolean;
  undo(): void;
  redo(): void;
  moveNodes(positions: ReadonlyMap<string, { x: number; y: number }>): void;
  replaceFlow(flow: Flow): void;
  setProblems(problems: Problem[], forVersion: number): void;
  setSave(save: SaveStatus): void;
  saved(revision: number, forVersion: number, problems: Problem[]): void;
  setRun(path: readonly string[], activeNodeId: string | null): void;
  clearRun(): void;
}

export type EditorStore = ReturnType<typeof createEditorStore>;

const NO_RUN: RunView = { activeNodeId: null, pathNodeIds: new Set(), pathEdgeIds: new Set() };

function worstByNode(problems: readonly Problem[]): Map<string, 'error' | 'warning'> {
  const worst = new Map<string, 'error' | 'warning'>();
  for (const problem of problems) if (problem.nodeId && worst.get(problem.nodeId) !== 'error') worst.set(problem.nodeId, problem.severity);
  return worst;
}

/**
 * A step measured on screen drops the size and handles estimated before it was drawn (a large
 * flow draws only what is in view), so React Flow keeps its own measurements from then on.
 */
function forgetEstimates(nodes: StepNode[], changes: readonly NodeChange<StepNode>[]): StepNode[] {
  const measured = new Set(changes.flatMap((change) => (change.type === 'dimensions' ? [change.id] : [])));
  if (measured.size === 0) return nodes;
  return nodes.map((node) => {
    if (!measured.has(node.id) || node.handles === undefined) return node;
    const { handles: _estimated, initialWidth: _width, initialHeight: _height, ...rest } = node;
    return rest;
  });
}

export function createEditorStore(now: () => number = () => Date.now()) {
  return createStore<EditorState & EditorActions>()((set, get) => {
    const snapshot = (): Snapshot => {
      const { meta, nodes, edges } = get();
      return { meta, nodes, edges };
    };
    /** Applies an edit of the flow's content: recorded for undo, and marked for saving. */
    const edit = (change: Partial<Snapshot>, key: string | null = null) => {
      const state = get();
      set({
        ...change,
        history: record(state.history, snapshot(), key, now()),
        version: state.version + 1,
        save: state.save.kind === 'conflict' ? state.save : { kind: 'unsaved' },
      });
    };
    /** A content change that is not an undo step of its own (a drag in progress). */
    const touch = (change: Partial<Snapshot>) => {
      const state = get();
      set({ ...change, version: state.version + 1, save: state.save.kind === 'conflict' ? state.save : { kind: 'unsaved' } });
    };
    const restore = (step: { history: History; snapshot: Snapshot } | undefined) => {
      if (!step) return;
      const state = get();
      set({ ...step.snapshot, history: step.history, version: state.version + 1, save: state.save.kind === 'conflict' ? state.save : { kind: 'unsaved' } });
    };
    let dragging = false;

    return {
      botId: null,
      catalog: new Map(),
      meta: emptyMeta(),
      nodes: [],
      edges: [],
      history: emptyHistory(),
      revision: 0,
      version: 0,
      savedVersion: 0,
      save: { kind: 'saved' },
      problems: [],
      nodeProblems: new Map(),
      run: NO_RUN,
      focus: null,

      load({ botId, flow, revision, problems, catalog }) {
        const canvas = flowToCanvas(flow, catalog);
        set({
          botId,
          catalog,
          ...canvas,
          history: emptyHistory(),
          revision,
          version: 0,
          savedVersion: 0,
          save: { kind: 'saved' },
          problems,
          nodeProblems: worstByNode(problems),
          run: NO_RUN,
          focus: null,
        });
      },

      flow: () => {
        const { meta, nodes, edges } = get();
        return canvasToFlow(meta, nodes, edges);
      },

      onNodesChange(changes) {
        const { nodes } = get();
        const next = forgetEstimates(applyNodeChanges(changes, nodes), changes);
        const moved = changes.some((change) => change.type === 'position' && change.position !== undefined);
        const structural = changes.some((change) => change.type === 'add' || change.type === 'remove' || change.type === 'replace');
        if (structural) edit({ nodes: next });
        else if (moved && dragging) touch({ nodes: next });
        // Moved by keyboard (arrow keys): one undo step per burst of moves.
        else if (moved) edit({ nodes: next }, 'move');
        else set({ nodes: next });
      },

      onEdgesChange(changes) {
        const next = applyEdgeChanges(changes, get().edges);
        if (changes.some((change) => change.type !== 'select')) edit({ edges: next });
        else set({ edges: next });
      },

      beginDrag() {
        if (dragging) return;
        dragging = true;
        const state = get();
        set({ history: record(state.history, snapshot(), null, now()) });
      },

      endDrag() {
        dragging = false;
      },

      connect(connection) {
        edit({ edges: connectEdges(get().edges, connection) });
      },

      reconnect(old, connection) {
        edit({ edges: reconnectEdges(get().edges, old, connection) });
      },

      removeEdge(edgeId) {
        edit({ edges: get().edges.filter((edge) => edge.id !== edgeId) });
      },

      addNode(nodeType, position) {
        const { catalog, nodes } = get();
        const entry = catalog.get(nodeType);
        if (!entry) return undefined;
        if (entry.isStart && nodes.some((node) => catalog.get(node.data.nodeType)?.isStart)) return undefined;
        const id = uniqueId(nodeIdPrefix(nodeType), new Set(nodes.map((node) => node.id)));
        const node: StepNode = { id, type: 'step', position, selected: true, data: { nodeType, config: initialConfig(entry.schema) } };
        edit({ nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node] });
        return id;
      },

      updateConfig(nodeId, config, editKey) {
        const { nodes, edges, catalog } = get();
        const node = nodes.find((n) => n.id === nodeId);
        if (!node) return;
        edit(
          { nodes: nodes.map((n) => (n.id === nodeId ? { ...n, data: { ...n.data, config } } : n)), edges: reconcilePorts(edges, catalog, node, config) },
          editKey === undefined ? null : `${nodeId}:${editKey}`,
        );
        // The field's problem was about what it held before; the next check says whether it still applies.
        const problems = get().problems;
        const settled = problems.filter((p) => !(p.nodeId === nodeId && p.field !== undefined && p.field === editKey));
        if (settled.length !== problems.length) set({ problems: settled, nodeProblems: worstByNode(settled) });
      },

      updateMeta(meta, editKey) {
        edit({ meta }, editKey === undefined ? null : `meta:${editKey}`);
      },

      deleteSelection() {
        const removed = removeSelected(get().nodes, get().edges);
        if (removed) edit(removed);
      },

      duplicateSelection() {
        const text = get().copy();
        if (!text) return;
        const chosen = get().nodes.filter((node) => node.selected);
        const left = Math.min(...chosen.map((node) => node.position.x));
        const top = Math.min(...chosen.map((node) => node.position.y));
        get().paste(text, { x: left + 40, y: top + 40 });
      },

      select(nodeIds) {
        const chosen = new Set(nodeIds);
        set({
          nodes: get().nodes.map((node) => (chosen.has(node.id) === Boolean(node.selected) ? node : { ...node, selected: chosen.has(node.id) })),
          edges: get().edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)),
        });
      },

      selectAll() {
        set({ nodes: get().nodes.map((node) => (node.selected ? node : { ...node, selected: true })) });
      },

      focusNode(nodeId) {
        get().select([nodeId]);
        set({ focus: { nodeId, seq: (get().focus?.seq ?? 0) + 1 } });
      },

      copy: () => copyText(get().nodes, get().edges),

      cut() {
        const text = get().copy();
        if (text) get().deleteSelection();
        return text;
      },

      paste(text, at) {
        const { nodes, edges, catalog } = get();
        const pasted = pasteFrom(
          text,
          { nodeIds: new Set(nodes.map((n) => n.id)), edgeIds: new Set(edges.map((e) => e.id)), hasStart: nodes.some((n) => catalog.get(n.data.nodeType)?.isStart) },
          catalog,
          at,
        );
        if (!pasted) return false;
        edit({
          nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted.nodes],
          edges: [...edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...pasted.edges],
        });
        return true;
      },

      undo: () => restore(undo(get().history, snapshot())),
      redo: () => restore(redo(get().history, snapshot())),

      moveNodes(positions) {
        edit({ nodes: get().nodes.map((node) => { const at = positions.get(node.id); return at ? { ...node, position: at } : node; }) });
      },

      replaceFlow(flow) {
        edit(flowToCanvas(flow, get().catalog));
      },

      setProblems(problems, forVersion) {
        // An answer about an older version would mark nodes the user already fixed.
        if (forVersion !== get().version) return;
        set({ problems, nodeProblems: worstByNode(problems) });
      },

      setSave: (save) => set({ save }),

      saved(revision, forVersion, problems) {
        const state = get();
        set({ revision, savedVersion: forVersion, save: forVersion === state.version ? { kind: 'saved' } : { kind: 'unsaved' } });
        state.setProblems(problems, forVersion);
      },

      setRun(path, activeNodeId) {
        set({ run: { activeNodeId, pathNodeIds: new Set(path), pathEdgeIds: edgesOnPath(get().edges, path) } });
      },

      clearRun: () => set({ run: NO_RUN }),
    };
  });
}
