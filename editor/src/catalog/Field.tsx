import { type ReactNode, useId } from 'react';

/** The props an input needs to be named by its label and described by its hint. */
export interface FieldInputProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * One labelled input of a form, its hint kept out of the label so the input's name is just the
 * label ("Stock"), with the hint read as its description.
 */
export function Field({ label, hint, invalid, className, children }: { label: string; hint?: ReactNode; invalid?: boolean; className?: string; children(props: FieldInputProps): ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={className ? `form-field ${className}` : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(hint ? { 'aria-describedby': hintId } : {}), ...(invalid ? { 'aria-invalid': true } : {}) })}
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}
