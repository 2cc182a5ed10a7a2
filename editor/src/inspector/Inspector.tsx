import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../store/use-editor';
import { FlowSettings } from './FlowSettings';
import { Outputs } from './Outputs';
import { SchemaForm } from './SchemaForm';
import { FormContextValue } from './form-context';
import { useNodeFormContext } from './use-form-context';

function NodeInspector({ nodeId }: { nodeId: string }) {
  const data = useEditor((s) => s.nodes.find((n) => n.id === nodeId)?.data);
  const entry = useEditor((s) => (data ? s.catalog.get(data.nodeType) : undefined));
  const problems = useEditor(useShallow((s) => s.problems.filter((p) => p.nodeId === nodeId && p.field === undefined)));
  const updateConfig = useEditor((s) => s.updateConfig);
  const deleteSelection = useEditor((s) => s.deleteSelection);
  const duplicate = useEditor((s) => s.duplicateSelection);
  const context = useNodeFormContext(nodeId);
  if (!data) return null;
  return (
    <section className="inspector" aria-label="Step settings">
      <header className="inspector-head">
        <h2>{entry?.title ?? data.nodeType}</h2>
        <p className="hint">{entry ? entry.description : `This server has no node type "${data.nodeType}": load it, or delete this step.`}</p>
        <p className="node-id">
          Step id <code>{nodeId}</code>
        </p>
      </header>
      {problems.length > 0 && (
        <ul className="node-problems">
          {problems.map((problem, i) => (
            <li key={i} className={problem.severity}>
              {problem.message}
            </li>
          ))}
        </ul>
      )}
      {entry && (
        <FormContextValue.Provider value={context}>
          <form className="schema-form" onSubmit={(e) => e.preventDefault()} aria-label={`${entry.title} settings`}>
            <SchemaForm schema={entry.schema} value={data.config} onChange={(next, path) => updateConfig(nodeId, next, path)} />
          </form>
        </FormContextValue.Provider>
      )}
      <Outputs nodeId={nodeId} />
      <footer className="inspector-actions">
        <button type="button" onClick={duplicate}>
          Duplicate
        </button>
        <button type="button" className="danger" onClick={deleteSelection}>
          Delete step
        </button>
      </footer>
    </section>
  );
}

/** Settings of what is selected: one step's form, several steps' actions, or the flow's own settings. */
export function Inspector() {
  const selected = useEditor(useShallow((s) => s.nodes.filter((n) => n.selected).map((n) => n.id)));
  const deleteSelection = useEditor((s) => s.deleteSelection);
  const duplicate = useEditor((s) => s.duplicateSelection);
  const [only] = selected;
  if (selected.length === 1 && only) return <NodeInspector key={only} nodeId={only} />;
  if (selected.length > 1)
    return (
      <section className="inspector" aria-label="Selection">
        <h2>{selected.length} steps selected</h2>
        <p className="hint">Copy them with Ctrl+C and paste here or into another bot with Ctrl+V.</p>
        <div className="inspector-actions">
          <button type="button" onClick={duplicate}>
            Duplicate
          </button>
          <button type="button" className="danger" onClick={deleteSelection}>
            Delete {selected.length} steps
          </button>
        </div>
      </section>
    );
  return <FlowSettings />;
}
