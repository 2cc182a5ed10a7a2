import { type FormEvent, type RefObject, useState } from 'react';
import { z } from 'zod';
import { type Bot, getBot, problemSchema, publish } from '../api/bots';
import { Alert } from '../components/Alert';
import { Dialog } from '../components/Dialog';
import type { Autosave } from '../store/autosave';
import { editorStore } from '../store/use-editor';

/** Publishes the draft on screen (saved first) as the next version, with a note for the history. */
export function PublishDialog({ bot, autosave, onPublished, onClose }: { bot: Bot; autosave: RefObject<Autosave | null>; onPublished(bot: Bot): void; onClose(): void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    const saved = (await autosave.current?.flush()) ?? false;
    if (!saved) {
      setBusy(false);
      const save = editorStore.getState().save;
      return setError(save.kind === 'conflict' ? 'The draft was changed elsewhere: resolve that first.' : save.kind === 'error' ? `The draft could not be saved: ${save.message}` : 'The draft could not be saved.');
    }
    const published = await publish(bot.id, note);
    if (!published.ok) {
      setBusy(false);
      const problems = z.array(problemSchema).safeParse(published.error.details);
      return setError(problems.success && problems.data.length > 0 ? `${published.error.message} ${problems.data[0]?.message ?? ''}` : published.error.message);
    }
    const fresh = await getBot(bot.id);
    setBusy(false);
    if (fresh.ok) onPublished(fresh.value);
    onClose();
  }

  return (
    <Dialog title={`Publish ${bot.name}`} onClose={onClose}>
      <form className="dialog-body stack" onSubmit={submit}>
        <p>New conversations will use this version right away; conversations already going on finish on the version they started with.</p>
        <label>
          What changed (optional)
          <textarea rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} placeholder="New spring collection cards" autoFocus />
        </label>
        <Alert>{error}</Alert>
        <footer className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Publishing…' : 'Publish'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
