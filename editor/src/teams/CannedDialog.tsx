import { type CannedResponse, type Team, cannedResponseInputSchema } from '@parley/shared';
import { type FormEvent, useState } from 'react';
import type { CannedInput } from '../api/inbox';
import { Alert } from '../components/Alert';
import { Field } from '../catalog/Field';
import { Dialog } from '../components/Dialog';

/** Adds or edits one canned response; checked with the contract's schema before it goes. */
export function CannedDialog({ initial, teams, onSave, onClose }: { initial: CannedResponse | null; teams: readonly Team[]; onSave(input: CannedInput): Promise<string | undefined>; onClose(): void }) {
  const [form, setForm] = useState<CannedInput>({ shortcut: initial?.shortcut ?? '', text: initial?.text ?? '', teamKey: initial?.teamKey ?? null });
  const [problem, setProblem] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = cannedResponseInputSchema.safeParse(form);
    if (!parsed.success) return setProblem(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    const failed = await onSave(parsed.data);
    if (failed) setProblem(failed);
    else onClose();
  }

  return (
    <Dialog title={initial ? `Edit /${initial.shortcut}` : 'New canned response'} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="dialog-body stack">
          <Alert>{problem}</Alert>
          <Field label="Shortcut" hint="Agents type “/” and this in the reply box.">
            {(props) => <input {...props} value={form.shortcut} onChange={(e) => setForm({ ...form, shortcut: e.target.value })} placeholder="opening-hours" />}
          </Field>
          <label>
            Text
            <textarea rows={5} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} />
          </label>
          <label>
            Offered in
            <select value={form.teamKey ?? ''} onChange={(e) => setForm({ ...form, teamKey: e.target.value || null })}>
              <option value="">Every team</option>
              {teams.map((team) => (
                <option key={team.key} value={team.key}>
                  {team.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <footer className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
