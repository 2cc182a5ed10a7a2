import { Background, type Connection, ControlButton, Controls, type Edge, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FlowEdge, StepNode } from '../flow/convert';
import { editorStore, useEditor } from '../store/use-editor';
import { LARGE_FLOW } from './geometry';
import { DRAG_TYPE } from './Palette';
import { StepNodeView, categoryClass } from './StepNodeView';
import { useCanvasClipboard } from './use-canvas-clipboard';

/** Built once: React Flow re-creates every node when this object changes. */
const nodeTypes = { step: StepNodeView };
const actions = editorStore.getState();

function miniMapColor(node: StepNode): string {
  const entry = editorStore.getState().catalog.get(node.data.nodeType);
  return `var(--${categoryClass(entry?.category)})`;
}

/** How the canvas opens: a small flow fits the view; a large one shows its Start step at full size. */
function openingView(nodes: readonly StepNode[]): { fit: boolean; viewport: { x: number; y: number; zoom: number } } {
  if (nodes.length <= LARGE_FLOW) return { fit: true, viewport: { x: 0, y: 0, zoom: 1 } };
  const start = nodes.find((node) => editorStore.getState().catalog.get(node.data.nodeType)?.isStart) ?? nodes[0];
  const at = start?.position ?? { x: 0, y: 0 };
  return { fit: false, viewport: { x: 80 - at.x, y: Math.round(window.innerHeight / 3) - at.y, zoom: 1 } };
}

export function Canvas() {
  const nodes = useEditor((s) => s.nodes);
  const edges = useEditor((s) => s.edges);
  const pathEdges = useEditor((s) => s.run.pathEdgeIds);
  const focus = useEditor((s) => s.focus);
  const flow = useReactFlow<StepNode, FlowEdge>();
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const [opening] = useState(() => openingView(editorStore.getState().nodes));
  // The map draws every step: on a large flow it is there on demand, so dragging stays smooth.
  const [showMap, setShowMap] = useState(opening.fit);

  // The path a test conversation took is drawn over the edges without changing them.
  const shownEdges = useMemo(
    () => (pathEdges.size === 0 ? edges : edges.map((edge): Edge => (pathEdges.has(edge.id) ? { ...edge, animated: true, className: 'on-path' } : edge))),
    [edges, pathEdges],
  );

  useEffect(() => {
    if (!focus) return;
    const node = flow.getNode(focus.nodeId);
    if (!node) return;
    const width = node.measured?.width ?? 220;
    const height = node.measured?.height ?? 100;
    void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 });
  }, [focus, flow]);

  const pasteAt = useCallback(() => {
    if (pointer.current) return flow.screenToFlowPosition(pointer.current);
    const box = wrapper.current?.getBoundingClientRect();
    return flow.screenToFlowPosition(box ? { x: box.left + box.width / 3, y: box.top + box.height / 3 } : { x: 300, y: 200 });
  }, [flow]);
  useCanvasClipboard(pasteAt);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(DRAG_TYPE);
      if (!type) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      actions.addNode(type, { x: Math.round(at.x - 20), y: Math.round(at.y - 20) });
    },
    [flow],
  );

  return (
    <div
      className="canvas"
      ref={wrapper}
      onPointerMove={(event) => (pointer.current = { x: event.clientX, y: event.clientY })}
      onPointerLeave={() => (pointer.current = null)}
    >
      <ReactFlow<StepNode, FlowEdge>
        nodes={nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        onNodesChange={actions.onNodesChange}
        onEdgesChange={actions.onEdgesChange}
        onConnect={(connection: Connection) => actions.connect(connection)}
        onReconnect={(old, connection) => actions.reconnect(old, connection)}
        onReconnectEnd={(_event, edge, _handle, state) => {
          // Dropping a connection's end on empty canvas removes it.
          if (!state.isValid) actions.removeEdge(edge.id);
        }}
        onNodeDragStart={() => actions.beginDrag()}
        onNodeDragStop={() => actions.endDrag()}
        onSelectionDragStart={() => actions.beginDrag()}
        onSelectionDragStop={() => actions.endDrag()}
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes(DRAG_TYPE)) {
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
          }
        }}
        onDrop={onDrop}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        minZoom={0.05}
        maxZoom={2}
        fitView={opening.fit}
        fitViewOptions={{ maxZoom: 1, padding: 0.15 }}
        defaultViewport={opening.viewport}
        onlyRenderVisibleElements={!opening.fit}
        proOptions={{ hideAttribution: true }}
        defaultEdgeOptions={{ interactionWidth: 16 }}
      >
        <Background gap={24} size={1} />
        {showMap && <MiniMap<StepNode> pannable zoomable nodeColor={miniMapColor} ariaLabel="Overview of the flow" />}
        <Controls showInteractive={false}>
          <ControlButton onClick={() => setShowMap(!showMap)} aria-label={showMap ? 'Hide the map' : 'Show the map'} title={showMap ? 'Hide the map' : 'Show the map'} aria-pressed={showMap}>
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <rect x="1.5" y="3" width="13" height="10" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
              <rect x="8" y="8" width="5" height="3.5" fill="currentColor" />
            </svg>
          </ControlButton>
        </Controls>
      </ReactFlow>
    </div>
  );
}
