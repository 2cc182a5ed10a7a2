import { type FormEvent, useState } from 'react';
import { type Bot, getDraft, importFlow } from '../api/bots';
import { Alert } from '../components/Alert';
import { Dialog } from '../components/Dialog';
import { readFlowFile } from '../pages/bots/bot-files';
import { editorStore } from '../store/use-editor';
import { loadIntoEditor } from '../canvas/geometry';

/** Replaces this bot's draft with a flow file (any format version; the server migrates older ones). */
export function ImportDialog({ bot, onClose }: { bot: Bot; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setError('Choose a flow file.');
    const json = await readFlowFile(file);
    if (!json.ok) return setError(json.error.message);
    const imported = await importFlow(bot.id, json.value);
    if (!imported.ok) return setError(imported.error.message);
    const draft = await getDraft(bot.id);
    if (!draft.ok) return setError(draft.error.message);
    const state = editorStore.getState();
    loadIntoEditor({ botId: bot.id, flow: draft.value.flow, revision: draft.value.revision, problems: draft.value.problems, catalog: state.catalog });
    onClose();
  }
  return (
    <Dialog title="Import a flow file" onClose={onClose}>
      <form className="dialog-body stack" onSubmit={submit}>
        <p>The file replaces this bot's draft. The published version stays live until you publish again.</p>
        <label>
          Flow file
          <input type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <Alert>{error}</Alert>
        <footer className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!file}>
            Replace the draft
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
