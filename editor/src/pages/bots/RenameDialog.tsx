import { type FormEvent, useState } from 'react';
import { type Bot, updateBot } from '../../api/bots';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';

export function RenameDialog({ bot, onDone, onClose }: { bot: Bot; onDone: (bot: Bot) => void; onClose: () => void }) {
  const [name, setName] = useState(bot.name);
  const [description, setDescription] = useState(bot.description);
  const [error, setError] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await updateBot(bot.id, { name: name.trim(), description });
    if (!answer.ok) return setError(answer.error.message);
    onDone(answer.value);
    onClose();
  }
  return (
    <Dialog title={`Rename ${bot.name}`} onClose={onClose}>
      <form onSubmit={submit} className="dialog-body stack">
        <label>
          Name
          <input required autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Description
          <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <p className="hint">
          The id <code>{bot.id}</code> stays: it is in webhook addresses.
        </p>
        <Alert>{error}</Alert>
        <footer className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={name.trim() === ''}>
            Save
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
