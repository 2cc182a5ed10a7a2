import type { TeamInput } from '@parley/shared';
import { type FormEvent, useState } from 'react';
import { Alert } from '../components/Alert';
import { Dialog } from '../components/Dialog';
import { BusinessHoursEditor } from './BusinessHoursEditor';
import { MembersPicker } from './MembersPicker';
import { type FormErrors, type TeamForm, teamInputFrom } from './team-form';

const FieldError = ({ message }: { message: string | undefined }) => (message ? <span className="field-error">{message}</span> : null);

/** Adds or edits a team: its queue name, people, hours and promises. `onSave` answers the server's complaint, if any. */
export function TeamDialog({ initial, isNew, onSave, onClose }: { initial: TeamForm; isNew: boolean; onSave(input: TeamInput): Promise<string | undefined>; onClose(): void }) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const patch = (change: Partial<TeamForm>) => setForm((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = teamInputFrom(form);
    if (!input.ok) {
      setErrors(input.errors);
      return setProblem('Some fields need attention.');
    }
    setErrors({});
    setSaving(true);
    const failed = await onSave(input.value);
    setSaving(false);
    if (failed) setProblem(failed);
    else onClose();
  }

  return (
    <Dialog title={isNew ? 'New team' : `Edit ${initial.name}`} onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <div className="dialog-body team-form">
          <Alert>{problem}</Alert>
          <label>
            Queue name
            <input value={form.key} disabled={!isNew} onChange={(e) => patch({ key: e.target.value })} aria-describedby="key-help" />
            <span id="key-help" className="hint">
              Hand-off steps send conversations to this queue.
            </span>
            <FieldError message={errors.key} />
          </label>
          <label>
            Team name
            <input value={form.name} onChange={(e) => patch({ name: e.target.value })} />
            <FieldError message={errors.name} />
          </label>
          <MembersPicker memberIds={form.memberIds} onChange={(memberIds) => patch({ memberIds })} />
          <label className="check">
            <input type="checkbox" checked={form.hoursOn} onChange={(e) => patch({ hoursOn: e.target.checked })} />
            Keeps business hours (otherwise always open)
          </label>
          {form.hoursOn && <BusinessHoursEditor hours={form} errors={errors} onChange={(hours) => patch(hours)} />}
          <label className="check">
            <input type="checkbox" checked={form.slaOn} onChange={(e) => patch({ slaOn: e.target.checked })} />
            Promises response times (SLA)
          </label>
          {form.slaOn && (
            <div className="grid-2">
              <label>
                First response within (business minutes)
                <input type="number" min={1} value={form.firstResponseMinutes} onChange={(e) => patch({ firstResponseMinutes: e.target.value })} />
                <FieldError message={errors['sla.firstResponseMinutes']} />
              </label>
              <label>
                Resolve within (business minutes)
                <input type="number" min={1} value={form.resolutionMinutes} onChange={(e) => patch({ resolutionMinutes: e.target.value })} />
                <FieldError message={errors['sla.resolutionMinutes']} />
              </label>
            </div>
          )}
          <label className="check">
            <input type="checkbox" checked={form.autoAssign} onChange={(e) => patch({ autoAssign: e.target.checked })} />
            Assign new conversations in turn to online agents
          </label>
          <label>
            Most open conversations per agent
            <input type="number" min={1} max={100} value={form.maxOpenPerAgent} onChange={(e) => patch({ maxOpenPerAgent: e.target.value })} />
            <FieldError message={errors.maxOpenPerAgent} />
          </label>
        </div>
        <footer className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {isNew ? 'Add the team' : 'Save'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
