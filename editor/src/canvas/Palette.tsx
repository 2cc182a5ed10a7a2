import { useReactFlow } from '@xyflow/react';
import { type DragEvent, useMemo, useState } from 'react';
import { type CatalogEntry, paletteGroups } from '../flow/catalog';
import { useEditor } from '../store/use-editor';
import { categoryClass } from './StepNodeView';

export const DRAG_TYPE = 'application/parley-node-type';

/** Node types by purpose, from the server's catalog: drag one onto the canvas, or press Enter to add it in view. */
export function Palette() {
  const catalog = useEditor((s) => s.catalog);
  const hasStart = useEditor((s) => s.nodes.some((node) => s.catalog.get(node.data.nodeType)?.isStart));
  const addNode = useEditor((s) => s.addNode);
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    return paletteGroups(catalog)
      .map((group) => ({ ...group, types: group.types.filter((t) => !q || `${t.title} ${t.description} ${t.type}`.toLowerCase().includes(q)) }))
      .filter((group) => group.types.length > 0);
  }, [catalog, query]);

  function addInView(entry: CatalogEntry) {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const centre = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 400, y: 300 };
    const at = flow.screenToFlowPosition(centre);
    addNode(entry.type, { x: Math.round(at.x - 110), y: Math.round(at.y - 40) });
  }

  function startDrag(event: DragEvent, entry: CatalogEntry) {
    event.dataTransfer.setData(DRAG_TYPE, entry.type);
    event.dataTransfer.effectAllowed = 'move';
  }

  return (
    <aside className="palette" aria-label="Steps you can add">
      <input type="search" aria-label="Filter steps" placeholder="Find a step…" value={query} onChange={(e) => setQuery(e.target.value)} />
      {groups.length === 0 && <p className="hint">No step matches “{query}”.</p>}
      {groups.map((group) => (
        <section key={group.category} aria-label={group.category}>
          <h3>{group.category}</h3>
          <ul>
            {group.types.map((entry) => {
              const disabled = entry.isStart && hasStart;
              return (
                <li key={entry.type}>
                  <button
                    type="button"
                    className={`palette-item ${categoryClass(entry.category)}`}
                    draggable={!disabled}
                    disabled={disabled}
                    data-node-type={entry.type}
                    title={disabled ? 'A flow has one Start step.' : `${entry.description} Drag onto the canvas, or press Enter to add it in view.`}
                    onDragStart={(event) => startDrag(event, entry)}
                    onClick={() => addInView(entry)}
                  >
                    <strong>{entry.title}</strong>
                    <small>{entry.description}</small>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </aside>
  );
}
