import type { TeamInput } from '@parley/shared';
import { type FormEvent, useState } from 'react';
import { Alert } from '../components/Alert';
import { Field } from '../catalog/Field';
import { Dialog } from '../components/Dialog';
import { BusinessHoursEditor } from './BusinessHoursEditor';
import { MembersPicker } from './MembersPicker';
import { type FormErrors, type TeamForm, teamInputFrom } from './team-form';

/** A field's help, and what is wrong with it. */
const hint = (help: string | null, error: string | undefined) =>
  help || error ? (
    <>
      {help}
      {error && <span className="field-error"> {error}</span>}
    </>
  ) : undefined;

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
          <Field label="Queue name" hint={hint('Hand-off steps send conversations to this queue.', errors.key)} invalid={Boolean(errors.key)}>
            {(props) => <input {...props} value={form.key} disabled={!isNew} onChange={(e) => patch({ key: e.target.value })} />}
          </Field>
          <Field label="Team name" hint={hint(null, errors.name)} invalid={Boolean(errors.name)}>
            {(props) => <input {...props} value={form.name} onChange={(e) => patch({ name: e.target.value })} />}
          </Field>
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
              <Field label="First response within (business minutes)" hint={hint(null, errors['sla.firstResponseMinutes'])} invalid={Boolean(errors['sla.firstResponseMinutes'])}>
                {(props) => <input {...props} type="number" min={1} value={form.firstResponseMinutes} onChange={(e) => patch({ firstResponseMinutes: e.target.value })} />}
              </Field>
              <Field label="Resolve within (business minutes)" hint={hint(null, errors['sla.resolutionMinutes'])} invalid={Boolean(errors['sla.resolutionMinutes'])}>
                {(props) => <input {...props} type="number" min={1} value={form.resolutionMinutes} onChange={(e) => patch({ resolutionMinutes: e.target.value })} />}
              </Field>
            </div>
          )}
          <label className="check">
            <input type="checkbox" checked={form.autoAssign} onChange={(e) => patch({ autoAssign: e.target.checked })} />
            Assign new conversations in turn to online agents
          </label>
          <Field label="Most open conversations per agent" hint={hint(null, errors.maxOpenPerAgent)} invalid={Boolean(errors.maxOpenPerAgent)}>
            {(props) => <input {...props} type="number" min={1} max={100} value={form.maxOpenPerAgent} onChange={(e) => patch({ maxOpenPerAgent: e.target.value })} />}
          </Field>
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
