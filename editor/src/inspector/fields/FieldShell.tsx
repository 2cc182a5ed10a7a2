import type { ReactNode } from 'react';
import { fieldId, useFormContext } from '../form-context';

/** Label, help and the field's problem around one control, tied together for screen readers. */
export function FieldShell({ path, label, help, required, children, inline }: { path: string; label: string; help?: string; required: boolean; children: ReactNode; inline?: boolean }) {
  const problem = useFormContext().problems.get(path);
  const id = fieldId(path);
  return (
    <div className={`field${inline ? ' inline' : ''}${problem ? ' invalid' : ''}`}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="req" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {children}
      {help && (
        <p className="help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {problem && (
        <p className="field-problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** `aria-describedby` for a control: its help and problem, when present. */
export function describedBy(path: string, help: string | undefined, problem: string | undefined): string | undefined {
  const id = fieldId(path);
  const ids = [help ? `${id}-help` : '', problem ? `${id}-problem` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
