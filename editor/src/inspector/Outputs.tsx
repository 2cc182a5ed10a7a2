import { useShallow } from 'zustand/react/shallow';
import { portsFor } from '../flow/catalog';
import { nodeTitle } from '../flow/summary';
import { useEditor } from '../store/use-editor';

/**
 * Where each output of the step leads, as choices: the keyboard's way to connect steps (the same
 * connections as drawn on the canvas).
 */
export function Outputs({ nodeId }: { nodeId: string }) {
  const data = useEditor((s) => s.nodes.find((n) => n.id === nodeId)?.data);
  const catalog = useEditor((s) => s.catalog);
  const links = useEditor(useShallow((s) => s.edges.filter((e) => e.source === nodeId).map((e) => `${e.sourceHandle ?? ''}\u0000${e.target}\u0000${e.id}`)));
  const steps = useEditor(
    useShallow((s) => s.nodes.filter((n) => !s.catalog.get(n.data.nodeType)?.isStart).map((n) => `${n.id}\u0000${nodeTitle(s.catalog.get(n.data.nodeType), n.data.config, n.data.nodeType)}`)),
  );
  const connect = useEditor((s) => s.connect);
  const removeEdge = useEditor((s) => s.removeEdge);
  if (!data) return null;
  const ports = portsFor(catalog.get(data.nodeType), data.config);
  if (ports.length === 0) return null;
  const byPort = new Map(links.map((link) => link.split('\u0000')).map(([port = '', target = '', id = '']) => [port, { target, id }]));
  return (
    <fieldset className="group outputs">
      <legend>Outputs</legend>
      {ports.map((port) => {
        const link = byPort.get(port.id);
        const id = `out-${nodeId}-${port.id}`.replace(/[^\w-]+/g, '-');
        return (
          <div key={port.id} className="field output-row">
            <label htmlFor={id}>
              {port.label}
              {port.required && <span className="req" aria-hidden="true"> *</span>}
            </label>
            <select
              id={id}
              value={link?.target ?? ''}
              aria-required={port.required || undefined}
              onChange={(e) => {
                if (e.target.value) connect({ source: nodeId, sourceHandle: port.id, target: e.target.value, targetHandle: null });
                else if (link) removeEdge(link.id);
              }}
            >
              <option value="">{port.required ? 'Not connected yet' : 'Nothing (the conversation ends)'}</option>
              {steps.map((step) => {
                const [stepId = '', title = ''] = step.split('\u0000');
                return (
                  <option key={stepId} value={stepId}>
                    {stepId === nodeId ? `${title} (this step)` : `${title} (${stepId})`}
                  </option>
                );
              })}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
