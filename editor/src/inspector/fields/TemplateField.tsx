import { type KeyboardEvent, useRef, useState } from 'react';
import { fieldId, useFormContext } from '../form-context';
import { emptyToUndefined } from './BasicFields';
import type { FieldProps } from './field-props';
import { FieldShell, describedBy } from './FieldShell';

const MAX_OPTIONS = 8;
/** `{{` then a partial name, right before the caret. */
const OPENING = /\{\{\s*([\w.]*)$/;

interface Completion {
  /** Where the partial name starts. */
  from: number;
  query: string;
  active: number;
}

/**
 * A text that may hold `{{variables}}`: typing `{{` lists the variables this flow sets (and the
 * system ones); arrows choose, Enter or Tab inserts. "Insert variable" does the same by pointer.
 */
export function TemplateField({ schema, value, onChange, path, label, required, multiline, suggestions }: FieldProps & { multiline: boolean; suggestions?: readonly string[] }) {
  const { variables, problems } = useFormContext();
  const problem = problems.get(path);
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const [completion, setCompletion] = useState<Completion | null>(null);
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : typeof schema.default === 'string' ? schema.default : '';
  const options = completion
    ? variables.filter((v) => v.name.toLowerCase().includes(completion.query.toLowerCase())).slice(0, MAX_OPTIONS)
    : [];
  const listId = `${fieldId(path)}-vars`;

  function update(next: string, caret: number) {
    const match = OPENING.exec(next.slice(0, caret));
    setCompletion(match ? { from: caret - (match[1]?.length ?? 0), query: match[1] ?? '', active: 0 } : null);
  }

  function insert(name: string) {
    const field = ref.current;
    if (!field || !completion) return;
    const caret = field.selectionStart ?? text.length;
    const after = text.slice(caret).replace(/^[\w.]*\s*\}\}/, '');
    const start = text.slice(0, completion.from).replace(/\{\{\s*$/, '');
    const next = `${start}{{${name}}}${after}`;
    onChange(next);
    setCompletion(null);
    const at = start.length + name.length + 4;
    requestAnimationFrame(() => {
      field.focus();
      field.setSelectionRange(at, at);
    });
  }

  function openPicker() {
    const field = ref.current;
    if (!field) return;
    const caret = field.selectionStart ?? text.length;
    const next = `${text.slice(0, caret)}{{${text.slice(caret)}`;
    onChange(next);
    setCompletion({ from: caret + 2, query: '', active: 0 });
    requestAnimationFrame(() => {
      field.focus();
      field.setSelectionRange(caret + 2, caret + 2);
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (!completion || options.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setCompletion({ ...completion, active: (completion.active + step + options.length) % options.length });
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const chosen = options[completion.active];
      if (chosen) insert(chosen.name);
    } else if (event.key === 'Escape') setCompletion(null);
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  const common = {
    id: fieldId(path),
    ref,
    value: text,
    placeholder: schema.placeholder,
    maxLength: schema.maxLength,
    role: 'combobox',
    'aria-autocomplete': 'list' as const,
    'aria-expanded': options.length > 0,
    'aria-controls': listId,
    'aria-activedescendant': completion && options[completion.active] ? `${listId}-${completion.active}` : undefined,
    'aria-invalid': problem ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy(path, schema.help, problem),
    onChange: (e: React.ChangeEvent<HTMLTextAreaElement | HTMLInputElement>) => {
      onChange(emptyToUndefined(e.target.value, required));
      update(e.target.value, e.target.selectionStart ?? e.target.value.length);
    },
    onKeyDown,
    onBlur: () => setTimeout(() => setCompletion(null), 150),
  };

  return (
    <FieldShell path={path} label={label} help={schema.help} required={required}>
      <div className="template">
        {multiline ? <textarea {...common} rows={Math.min(8, Math.max(2, text.split('\n').length, Math.ceil(text.length / 38)))} /> : <input type="text" {...common} />}
        <button type="button" className="insert-var" onClick={openPicker} aria-label={`Insert a variable into ${label}`} title="Insert a variable">
          {'{{ }}'}
        </button>
        {options.length > 0 && completion && (
          <ul className="completions" id={listId} role="listbox" aria-label="Variables">
            {options.map((option, i) => (
              <li
                key={option.name}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === completion.active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => insert(option.name)}
              >
                <code>{option.name}</code>
                <small>{option.source}</small>
              </li>
            ))}
          </ul>
        )}
      </div>
      {suggestions && suggestions.length > 0 && (
        <p className="suggestions">
          In your catalog:{' '}
          {suggestions.slice(0, 12).map((suggestion) => (
            <button key={suggestion} type="button" className="chip" onClick={() => onChange(suggestion)}>
              {suggestion}
            </button>
          ))}
        </p>
      )}
    </FieldShell>
  );
}
