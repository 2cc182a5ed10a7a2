import { type NodeHandle, Position } from '@xyflow/react';
import { type Catalog, portsFor } from '../flow/catalog';
import type { StepNode } from '../flow/convert';
import { summarize } from '../flow/summary';
import type { EditorActions } from '../store/editor-store';
import { editorStore } from '../store/use-editor';

/**
 * The size of a step and where its handles sit, from the same fixed row heights as its CSS
 * (styles/editor.css, `.step…`). A large flow draws only the steps in view; the others are placed
 * and connected with these numbers, and measured for real when they come into view.
 */
/**
 * Past this many steps the canvas draws only what is in view and opens at the Start step instead
 * of fitting everything: drawing a thousand steps at once takes seconds.
 */
export const LARGE_FLOW = 150;

const WIDTH = 230;
const TOP = 4 + 22 + 22; // coloured top border, kind row, title row
const LINE = 17;
const SUMMARY_PAD = 6;
const PORTS_TOP = 4 + 1 + 3; // margin, divider, padding
const PORT = 21;
const BOTTOM = 3 + 1; // padding, bottom border
const HANDLE = 11;

export function stepGeometry(node: StepNode, catalog: Catalog): { width: number; height: number; handles: NodeHandle[] } {
  const entry = catalog.get(node.data.nodeType);
  const ports = portsFor(entry, node.data.config);
  const lines = summarize(entry, node.data.config).length;
  const portsAt = TOP + (lines > 0 ? lines * LINE + SUMMARY_PAD : 0) + PORTS_TOP;
  const height = portsAt + ports.length * PORT + BOTTOM;
  const handles: NodeHandle[] = ports.map((port, i) => ({
    id: port.id,
    type: 'source',
    position: Position.Right,
    x: WIDTH - 0.5,
    y: portsAt + i * PORT + (PORT - HANDLE) / 2,
    width: HANDLE,
    height: HANDLE,
  }));
  if (!entry?.isStart) handles.push({ id: null, type: 'target', position: Position.Left, x: -11.5, y: height / 2 - HANDLE / 2, width: HANDLE, height: HANDLE });
  return { width: WIDTH, height, handles };
}

/** Steps with their size and handles known before they are drawn (see above). */
export function withGeometry(nodes: readonly StepNode[], catalog: Catalog): StepNode[] {
  return nodes.map((node) => {
    if (node.measured?.width) return node;
    const { width, height, handles } = stepGeometry(node, catalog);
    return { ...node, initialWidth: width, initialHeight: height, handles };
  });
}

/** Loads a draft into the editor, sizing a large flow's steps ahead of drawing them. */
export function loadIntoEditor(input: Parameters<EditorActions['load']>[0]): void {
  editorStore.getState().load(input);
  const { nodes, catalog } = editorStore.getState();
  if (nodes.length > LARGE_FLOW) editorStore.setState({ nodes: withGeometry(nodes, catalog) });
}
