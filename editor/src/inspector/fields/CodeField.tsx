import { useState } from 'react';
import { MonacoEditor } from '../../monaco/MonacoEditor';
import { toJson } from '../../flow/schema';
import { fieldId, useFormContext } from '../form-context';
import { emptyToUndefined } from './BasicFields';
import type { FieldProps } from './field-props';

/**
 * Code or raw JSON: a preview until opened; opening loads Monaco (its own chunk). JSON is applied
 * only while it parses, and the parse error is shown meanwhile.
 */
export function CodeField({ schema, value, onChange, path, label, required, json }: FieldProps & { json: boolean }) {
  const problem = useFormContext().problems.get(path);
  const [open, setOpen] = useState(false);
  const [parseError, setParseError] = useState('');
  const shown = value ?? schema.default;
  const text = json ? (shown === undefined ? '' : JSON.stringify(shown, null, 2)) : typeof shown === 'string' ? shown : '';
  const id = fieldId(path);
  return (
    <div className={`field code${problem || parseError ? ' invalid' : ''}`}>
      <div className="code-head">
        <span id={`${id}-label`} className="label">
          {label}
          {required && <span className="req" aria-hidden="true"> *</span>}
        </span>
        <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {open ? 'Close editor' : text ? 'Edit' : 'Write'}
        </button>
      </div>
      {schema.help && <p className="help">{schema.help}</p>}
      <div id={id}>
        {open ? (
          <MonacoEditor
            value={text}
            language={json ? 'json' : 'plaintext'}
            ariaLabel={label}
            onChange={(next) => {
              if (!json) return onChange(emptyToUndefined(next, required));
              if (next.trim() === '') {
                setParseError('');
                return onChange(undefined);
              }
              try {
                const parsed: unknown = JSON.parse(next);
                setParseError('');
                onChange(toJson(parsed));
              } catch (error) {
                setParseError(`Not valid JSON yet: ${error instanceof Error ? error.message : String(error)}`);
              }
            }}
          />
        ) : (
          text && <pre className="code-preview">{text.length > 400 ? `${text.slice(0, 400)}…` : text}</pre>
        )}
      </div>
      {parseError && <p className="field-problem">{parseError}</p>}
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
