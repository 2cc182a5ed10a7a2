import { useState } from 'react';
import { getDraft } from '../api/bots';
import { Alert } from '../components/Alert';
import { ConfirmDialog } from '../components/Dialog';
import { saveFile } from '../pages/bots/bot-files';
import { loadIntoEditor } from '../canvas/geometry';
import { editorStore, useEditor } from '../store/use-editor';

/**
 * Someone saved this bot while it was open here: autosave has stopped. The user decides — take
 * their version, or keep this one and overwrite theirs knowingly. Either way nothing is lost
 * silently: "Download mine" keeps a copy.
 */
export function ConflictBanner() {
  const save = useEditor((s) => s.save);
  const botId = useEditor((s) => s.botId);
  const [confirm, setConfirm] = useState<'reload' | 'overwrite' | null>(null);
  const [error, setError] = useState('');
  if (save.kind !== 'conflict' || botId === null) return null;

  async function reload() {
    if (botId === null) return;
    const draft = await getDraft(botId);
    if (!draft.ok) return setError(draft.error.message);
    const state = editorStore.getState();
    loadIntoEditor({ botId, flow: draft.value.flow, revision: draft.value.revision, problems: draft.value.problems, catalog: state.catalog });
  }

  function overwrite() {
    if (save.kind !== 'conflict') return;
    // Building on their revision makes the next save replace it: the user chose to.
    editorStore.setState((state) => ({ revision: save.theirRevision, save: { kind: 'unsaved' }, version: state.version + 1 }));
  }

  return (
    <div className="conflict" role="alert">
      <p>
        <strong>This bot was changed elsewhere</strong> (another tab or another person) while you were editing. Your recent changes are <strong>not saved</strong>.
      </p>
      <div className="actions">
        <button type="button" onClick={() => saveFile(`${botId}-mine.parley.json`, JSON.stringify(editorStore.getState().flow(), null, 2))}>
          Download mine
        </button>
        <button type="button" onClick={() => setConfirm('reload')}>
          Load their version
        </button>
        <button type="button" className="danger" onClick={() => setConfirm('overwrite')}>
          Keep mine, overwrite theirs
        </button>
      </div>
      <Alert>{error}</Alert>
      {confirm === 'reload' && (
        <ConfirmDialog title="Load their version?" message={<p>Your unsaved changes here are dropped. Download yours first to keep a copy.</p>} confirm="Load their version" onConfirm={() => void reload()} onClose={() => setConfirm(null)} />
      )}
      {confirm === 'overwrite' && (
        <ConfirmDialog title="Overwrite their changes?" message={<p>The draft becomes what you see here; their changes are replaced.</p>} confirm="Overwrite" danger onConfirm={overwrite} onClose={() => setConfirm(null)} />
      )}
    </div>
  );
}
