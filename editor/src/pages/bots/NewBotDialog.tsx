import { type FormEvent, useState } from 'react';
import { type Bot, createBot } from '../../api/bots';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { botPath, navigate } from '../../router';
import { copyBot, readFlowFile } from './bot-files';

type Start = { from: 'blank' } | { from: 'bot'; botId: string } | { from: 'file' };

/** Creates a bot: blank, as a copy of another bot (the seeded examples are bots too), or from a flow file. */
export function NewBotDialog({ bots, initial, onClose }: { bots: Bot[]; initial: 'blank' | 'file'; onClose: () => void }) {
  const [name, setName] = useState('');
  const [start, setStart] = useState<Start>({ from: initial });
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    const created = await create();
    setBusy(false);
    if (!created.ok) return setError(created.error.message);
    onClose();
    navigate(botPath(created.value.id));
  }

  async function create() {
    if (start.from === 'bot') {
      const source = bots.find((bot) => bot.id === start.botId);
      if (!source) return { ok: false as const, error: { status: 400, code: 'invalid_input', message: 'Pick the bot to copy.' } };
      return copyBot(source, name.trim());
    }
    if (start.from === 'file') {
      if (!file) return { ok: false as const, error: { status: 400, code: 'invalid_input', message: 'Choose a flow file (.parley.json).' } };
      const flow = await readFlowFile(file);
      if (!flow.ok) return flow;
      return createBot({ name: name.trim(), flow: flow.value });
    }
    return createBot({ name: name.trim() });
  }

  const startValue = start.from === 'bot' ? `bot:${start.botId}` : start.from;
  return (
    <Dialog title="New bot" onClose={onClose}>
      <form onSubmit={submit} className="dialog-body stack">
        <label>
          Name
          <input required autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="Shoe shop" />
        </label>
        <label>
          Start from
          <select
            value={startValue}
            onChange={(e) => {
              const value = e.target.value;
              setStart(value.startsWith('bot:') ? { from: 'bot', botId: value.slice(4) } : value === 'file' ? { from: 'file' } : { from: 'blank' });
            }}
          >
            <option value="blank">A blank flow (just a Start step)</option>
            <option value="file">A flow file (.parley.json)</option>
            {bots.length > 0 && (
              <optgroup label="A copy of">
                {bots.map((bot) => (
                  <option key={bot.id} value={`bot:${bot.id}`}>
                    {bot.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        {start.from === 'bot' && <p className="hint">{bots.find((bot) => bot.id === start.botId)?.description || 'Its draft and its products are copied.'}</p>}
        {start.from === 'file' && (
          <label>
            Flow file
            <input type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
        )}
        <Alert>{error}</Alert>
        <footer className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
            Create
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
