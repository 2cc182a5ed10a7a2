import { fieldId, useFormContext } from '../form-context';
import { TextField, emptyToUndefined } from './BasicFields';
import type { FieldProps } from './field-props';
import { FieldShell, describedBy } from './FieldShell';

/** A variable name: type a new one, or pick one the flow already has. */
export function VariableField(props: FieldProps) {
  const { variables } = useFormContext();
  const listId = `${fieldId(props.path)}-names`;
  return (
    <>
      <TextField {...props} list={listId} />
      <datalist id={listId}>
        {variables.map((v) => (
          <option key={v.name} value={v.name}>
            {v.source}
          </option>
        ))}
      </datalist>
    </>
  );
}

/** A product field for filters and sorting, from the bot's catalog. */
export function ProductFieldField(props: FieldProps) {
  const { productFields } = useFormContext();
  const listId = `${fieldId(props.path)}-fields`;
  return (
    <>
      <TextField {...props} list={listId} />
      <datalist id={listId}>
        {[...productFields.keys()].map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}

function Picker({ props, options, empty }: { props: FieldProps; options: readonly { value: string; text: string }[]; empty: string }) {
  const { schema, value, onChange, path, label, required } = props;
  const problem = useFormContext().problems.get(path);
  const current = typeof value === 'string' ? value : '';
  const known = options.some((option) => option.value === current);
  return (
    <FieldShell path={path} label={label} help={schema.help} required={required}>
      <select id={fieldId(path)} value={current} aria-invalid={problem ? true : undefined} aria-required={required || undefined} aria-describedby={describedBy(path, schema.help, problem)} onChange={(e) => onChange(emptyToUndefined(e.target.value, required))}>
        <option value="">{empty}</option>
        {!known && current && <option value={current}>{current} (missing)</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Another step of this flow (Go to). */
export function NodeField(props: FieldProps) {
  const { nodes } = useFormContext();
  return <Picker props={props} options={nodes.map((n) => ({ value: n.id, text: `${n.title} (${n.id})` }))} empty="Choose a step…" />;
}

/** Another bot (Go to another bot). */
export function FlowField(props: FieldProps) {
  const { bots } = useFormContext();
  return <Picker props={props} options={bots.map((b) => ({ value: b.id, text: `${b.name} (${b.id})` }))} empty="Choose a bot…" />;
}
