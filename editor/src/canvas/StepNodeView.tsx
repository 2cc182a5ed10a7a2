import { Handle, type NodeProps, Position, useUpdateNodeInternals } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import { portsFor } from '../flow/catalog';
import type { StepNode } from '../flow/convert';
import { nodeTitle, summarize } from '../flow/summary';
import { useEditor } from '../store/use-editor';

export const categoryClass = (category: string | undefined) => `cat-${(category ?? 'custom').toLowerCase().replace(/[^a-z]+/g, '-')}`;

/**
 * One step on the canvas: its name, a summary of what it says, one input, and one output handle
 * per port (per button, per outcome, paid/failed…), computed from its type's port spec and data.
 */
function StepNodeViewImpl({ id, data, selected }: NodeProps<StepNode>) {
  const entry = useEditor((s) => s.catalog.get(data.nodeType));
  const problem = useEditor((s) => s.nodeProblems.get(id));
  const active = useEditor((s) => s.run.activeNodeId === id);
  const onPath = useEditor((s) => s.run.pathNodeIds.has(id));
  const ports = useMemo(() => portsFor(entry, data.config), [entry, data.config]);
  const lines = useMemo(() => summarize(entry, data.config), [entry, data.config]);
  const title = nodeTitle(entry, data.config, data.nodeType);
  const portKey = ports.map((port) => port.id).join('\u0000');
  const updateNodeInternals = useUpdateNodeInternals();
  const measuredPorts = useRef(portKey);
  // Handles are measured with the node; when its outputs change (a button added or renamed) they are
  // measured again. Not on mount: React Flow measures every new node in one batch (and fits the view).
  useEffect(() => {
    if (measuredPorts.current === portKey) return;
    measuredPorts.current = portKey;
    updateNodeInternals(id);
  }, [id, portKey, updateNodeInternals]);

  const classes = ['step', categoryClass(entry?.category), selected ? 'selected' : '', problem ? `has-${problem}` : '', active ? 'active' : '', onPath ? 'on-path' : ''];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-testid={`node-${id}`}>
      {!entry?.isStart && <Handle type="target" position={Position.Left} className="in" aria-label={`Into ${title}`} />}
      <header className="step-head">
        <span className="step-kind">{entry?.title ?? `Unknown type "${data.nodeType}"`}</span>
        {problem && (
          <span className={`step-flag ${problem}`} role="img" aria-label={problem === 'error' ? 'Has errors' : 'Has warnings'}>
            {problem === 'error' ? '!' : '?'}
          </span>
        )}
      </header>
      <div className="step-title">{title}</div>
      {lines.length > 0 && (
        <ul className="step-summary">
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <ul className="step-ports">
        {ports.map((port) => (
          <li key={port.id} className={port.required ? 'port required' : 'port'}>
            <span>{port.label}</span>
            <Handle type="source" position={Position.Right} id={port.id} className="out" aria-label={`Output ${port.label}`} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export const StepNodeView = memo(StepNodeViewImpl);
