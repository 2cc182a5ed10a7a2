import { initialValue } from '../../flow/defaults';
import { type JsonSchema, discriminatorOf, isObject, labelOf, variantIndex } from '../../flow/schema';
import { ObjectFields } from '../SchemaForm';
import { fieldId } from '../form-context';
import type { FieldProps } from './field-props';

/** How a variant reads in the chooser: its own title, else its discriminator value ("node", "flow"). */
function variantName(variant: JsonSchema, key: string | undefined): string {
  if (variant.title) return variant.title;
  const value = key ? variant.properties?.[key]?.const : undefined;
  return typeof value === 'string' ? value.replace(/([a-z])([A-Z])/g, '$1 $2') : 'option';
}

/**
 * One of several shapes told apart by a constant field (Go to: `{ kind: "node", nodeId }` or
 * `{ kind: "flow", flowId }`): choose the shape, then fill its fields.
 */
export function VariantField({ schema, value, onChange, path, label, required }: FieldProps) {
  const variants = schema.oneOf ?? schema.anyOf ?? [];
  const key = discriminatorOf(variants);
  const index = variantIndex(variants, value);
  const variant = variants[index] ?? {};
  const current = isObject(value) ? value : {};
  return (
    <fieldset className="group">
      <legend>
        {label}
        {required && <span className="req" aria-hidden="true"> *</span>}
      </legend>
      {schema.help && <p className="help">{schema.help}</p>}
      <div className="field">
        <label htmlFor={fieldId(`${path}.$variant`)}>{key ? labelOf(variant.properties?.[key] ?? {}, key) : 'Kind'}</label>
        <select id={fieldId(`${path}.$variant`)} value={String(index)} onChange={(e) => onChange(initialValue(variants[Number(e.target.value)] ?? {}) ?? null)}>
          {variants.map((v, i) => (
            <option key={i} value={String(i)}>
              {variantName(v, key)}
            </option>
          ))}
        </select>
      </div>
      <ObjectFields schema={variant} value={current} path={path} skip={key} onChange={(next) => onChange(next)} />
    </fieldset>
  );
}
