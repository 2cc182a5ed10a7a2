import { parseFlow } from '@parley/shared';
import { useEffect, useState } from 'react';
import { loadFlowJsonSchema } from '../api/node-types';
import { Alert } from '../components/Alert';
import { Dialog } from '../components/Dialog';
import { MonacoEditor } from '../monaco/MonacoEditor';
import { editorStore } from '../store/use-editor';

/** The whole flow as JSON in Monaco, checked and completed against the server's flow JSON Schema. */
export function FlowJsonDialog({ onClose }: { onClose: () => void }) {
  const [initial] = useState(() => JSON.stringify(editorStore.getState().flow(), null, 2));
  const [text, setText] = useState(initial);
  const [schema, setSchema] = useState<{ uri: string; schema: unknown } | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void loadFlowJsonSchema().then((answer) => setSchema({ uri: 'parley://schemas/flow.json', schema: answer.ok ? answer.value : {} }));
  }, []);

  function apply() {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return setError(`This is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    const parsed = parseFlow(json);
    if (!parsed.ok) return setError(parsed.problems.map((p) => `${p.field || 'flow'}: ${p.message}`).join('; '));
    const meta = editorStore.getState().meta;
    // The flow keeps the bot's id and name, as the server does on save.
    editorStore.getState().replaceFlow({ ...parsed.flow, id: meta.id, name: meta.name });
    onClose();
  }

  return (
    <Dialog title="Flow JSON" onClose={onClose} wide>
      <div className="dialog-body">
        <p className="hint">Edit the flow as JSON; Apply replaces the canvas (undo brings it back).</p>
        {schema ? <MonacoEditor value={initial} language="json" onChange={setText} ariaLabel="Flow JSON" height="60vh" schema={schema} /> : <p aria-busy="true">Loading…</p>}
        <Alert>{error}</Alert>
      </div>
      <footer className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={apply} disabled={text === initial}>
          Apply
        </button>
      </footer>
    </Dialog>
  );
}
