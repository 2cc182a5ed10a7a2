import { fieldId, useFormContext } from '../form-context';
import type { FieldProps } from './field-props';
import { FieldShell, describedBy } from './FieldShell';

/** An empty optional field is left out of the data, so its default applies. */
export const emptyToUndefined = (text: string, required: boolean) => (text === '' && !required ? undefined : text);

export function TextField({ schema, value, onChange, path, label, required, type = 'text', list }: FieldProps & { type?: string; list?: string }) {
  const problem = useFormContext().problems.get(path);
  const shown = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : typeof schema.default === 'string' ? schema.default : '';
  return (
    <FieldShell path={path} label={label} help={schema.help} required={required}>
      <input
        id={fieldId(path)}
        type={type}
        value={shown}
        placeholder={schema.placeholder}
        maxLength={schema.maxLength}
        list={list}
        aria-invalid={problem ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(path, schema.help, problem)}
        onChange={(e) => onChange(emptyToUndefined(e.target.value, required))}
      />
    </FieldShell>
  );
}

export function NumberField({ schema, value, onChange, path, label, required }: FieldProps) {
  const problem = useFormContext().problems.get(path);
  const shown = typeof value === 'number' ? String(value) : typeof schema.default === 'number' ? String(schema.default) : '';
  return (
    <FieldShell path={path} label={label} help={schema.help} required={required}>
      <input
        id={fieldId(path)}
        type="number"
        inputMode="decimal"
        value={shown}
        min={schema.minimum}
        max={schema.maximum}
        step={schema.type === 'integer' ? 1 : 'any'}
        aria-invalid={problem ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(path, schema.help, problem)}
        onChange={(e) => {
          const text = e.target.value;
          if (text === '') return onChange(required ? 0 : undefined);
          const number = Number(text);
          if (Number.isFinite(number)) onChange(number);
        }}
      />
    </FieldShell>
  );
}

export function CheckboxField({ schema, value, onChange, path, label }: FieldProps) {
  const checked = typeof value === 'boolean' ? value : schema.default === true;
  return (
    <div className="field checkbox">
      <label>
        <input type="checkbox" id={fieldId(path)} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={schema.help ? `${fieldId(path)}-help` : undefined} />
        {label}
      </label>
      {schema.help && (
        <p className="help" id={`${fieldId(path)}-help`}>
          {schema.help}
        </p>
      )}
    </div>
  );
}

/** "greaterOrEqual" → "greater or equal": enum values read as words. */
const optionText = (value: unknown) => String(value).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

export function SelectField({ schema, value, onChange, path, label, required }: FieldProps) {
  const problem = useFormContext().problems.get(path);
  const options = schema.enum ?? [];
  const current = value ?? schema.default;
  const index = options.findIndex((option) => option === current);
  return (
    <FieldShell path={path} label={label} help={schema.help} required={required}>
      <select
        id={fieldId(path)}
        value={index < 0 ? '' : String(index)}
        aria-invalid={problem ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(path, schema.help, problem)}
        onChange={(e) => {
          const chosen = options[Number(e.target.value)];
          if (typeof chosen === 'string' || typeof chosen === 'number' || typeof chosen === 'boolean') onChange(chosen);
          else if (e.target.value === '') onChange(undefined);
        }}
      >
        {(index < 0 || !required) && schema.default === undefined && <option value="">—</option>}
        {options.map((option, i) => (
          <option key={String(option)} value={String(i)}>
            {optionText(option)}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
