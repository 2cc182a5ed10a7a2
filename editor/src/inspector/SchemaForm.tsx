import { type ComponentType, createContext, useContext, useRef } from 'react';
import { initialValue } from '../flow/defaults';
import { type JsonObject, type JsonSchema, type JsonValue, discriminatorOf, isObject, labelOf, toJson, typeOf } from '../flow/schema';
import { CheckboxField, NumberField, SelectField, TextField } from './fields/BasicFields';
import { CodeField } from './fields/CodeField';
import type { FieldProps } from './fields/field-props';
import { ListField } from './fields/ListField';
import { FlowField, NodeField, ProductFieldField, VariableField } from './fields/PickerFields';
import { TemplateField } from './fields/TemplateField';
import { VariantField } from './fields/VariantField';
import { useFormContext } from './form-context';

/**
 * Forms generated from a node type's JSON Schema and its form hints (label, help, widget,
 * placeholder): no form is written per node type, so custom node types get theirs for free.
 */

/** The innermost field path of the edit in progress, so undo groups typing per field. */
export const EditPath = createContext<{ current: string | null }>({ current: null });

const Template: ComponentType<FieldProps> = (props) => <TemplateField {...props} multiline />;
const TemplateLine: ComponentType<FieldProps> = (props) => <TemplateField {...props} multiline={false} />;
const Code: ComponentType<FieldProps> = (props) => <CodeField {...props} json={false} />;
const Json: ComponentType<FieldProps> = (props) => <CodeField {...props} json />;

/** String widgets by hint; a string without one is a plain text field. */
const STRING_WIDGETS: Record<string, ComponentType<FieldProps>> = {
  template: Template,
  textarea: Template,
  url: TemplateLine,
  variable: VariableField,
  node: NodeField,
  flow: FlowField,
  'product-field': ProductFieldField,
  code: Code,
  json: Json,
};

/** The string variant of a union that also takes numbers (a payment amount: "49.90" or {{total}}). */
function stringVariant(schema: JsonSchema): JsonSchema | undefined {
  const variants = schema.anyOf ?? schema.oneOf;
  if (!variants || discriminatorOf(variants)) return undefined;
  const text = variants.find((v) => typeOf(v) === 'string');
  return text ? { ...text, label: schema.label, help: schema.help, widget: schema.widget, placeholder: schema.placeholder, default: schema.default } : undefined;
}

function componentFor(schema: JsonSchema): ComponentType<FieldProps> {
  if (schema.widget === 'json') return Json;
  if (schema.widget === 'code') return Code;
  if ((schema.oneOf ?? schema.anyOf) && discriminatorOf(schema.oneOf ?? schema.anyOf ?? [])) return VariantField;
  switch (typeOf(schema)) {
    case 'string':
      if (schema.enum) return SelectField;
      return (schema.widget && STRING_WIDGETS[schema.widget]) || TextField;
    case 'number':
    case 'integer':
      return NumberField;
    case 'boolean':
      return CheckboxField;
    case 'array':
      return ListField;
    case 'object':
      return schema.properties ? ObjectGroup : Json;
    default:
      return Json;
  }
}

export function SchemaField(props: FieldProps & { nested?: boolean }) {
  const tracker = useContext(EditPath);
  const asText = stringVariant(props.schema);
  const schema = asText ?? props.schema;
  if (schema.const !== undefined) return null;
  const onChange = (next: JsonValue | undefined) => {
    tracker.current ??= props.path;
    props.onChange(next);
  };
  // A list item or variant body shows its fields directly, without a second frame.
  if (props.nested && typeOf(schema) === 'object' && schema.properties)
    return <ObjectFields schema={schema} value={isObject(props.value) ? props.value : {}} path={props.path} onChange={onChange} />;
  const Field = componentFor(schema);
  return <Field {...props} schema={schema} onChange={onChange} />;
}

/** Each property of an object as a field; a property set to `undefined` is removed. */
export function ObjectFields({ schema, value, path, onChange, skip }: { schema: JsonSchema; value: Record<string, unknown>; path: string; onChange(next: JsonObject): void; skip?: string }) {
  const { productFields } = useFormContext();
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {}).filter(([key]) => key !== skip);
  // In a filter row, the chosen product field's values are offered for the value.
  const productKey = properties.find(([, property]) => property.widget === 'product-field')?.[0];
  const chosenField = productKey ? value[productKey] : undefined;
  const suggestions = typeof chosenField === 'string' ? productFields.get(chosenField) : undefined;
  const base = (): JsonObject => {
    const copy: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      const json = toJson(item);
      if (json !== undefined) copy[key] = json;
    }
    return copy;
  };
  return (
    <>
      {properties.map(([key, property]) => {
        const fieldPath = path ? `${path}.${key}` : key;
        const set = (next: JsonValue | undefined) => {
          const copy = base();
          if (next === undefined) delete copy[key];
          else copy[key] = next;
          onChange(copy);
        };
        const suggest = suggestions && key !== productKey && property.widget === 'template' ? suggestions : undefined;
        if (suggest) return <TemplateField key={key} schema={property} value={value[key]} path={fieldPath} label={labelOf(property, key)} required={required.has(key)} onChange={set} multiline={false} suggestions={suggest} />;
        return <SchemaField key={key} schema={property} value={value[key]} path={fieldPath} label={labelOf(property, key)} required={required.has(key)} onChange={set} />;
      })}
    </>
  );
}

/** A nested object in a frame; an optional one (Sort, Business hours) is added or removed as a whole. */
function ObjectGroup({ schema, value, onChange, path, label, required }: FieldProps) {
  const present = isObject(value) ? value : isObject(schema.default) ? schema.default : undefined;
  if (!present)
    return (
      <div className="field optional-group">
        <span className="label">{label}</span>
        {schema.help && <p className="help">{schema.help}</p>}
        <button type="button" className="add" onClick={() => onChange(initialValue(schema) ?? {})}>
          + Add {label.toLowerCase()}
        </button>
      </div>
    );
  return (
    <fieldset className="group">
      <legend>
        {label}
        {required && <span className="req" aria-hidden="true"> *</span>}
      </legend>
      {schema.help && <p className="help">{schema.help}</p>}
      <ObjectFields schema={schema} value={present} path={path} onChange={onChange} />
      {!required && schema.default === undefined && (
        <button type="button" className="link danger" onClick={() => onChange(undefined)}>
          Remove {label.toLowerCase()}
        </button>
      )}
    </fieldset>
  );
}

/** The whole form of one node's config. `onChange` gets the new config and the field edited. */
export function SchemaForm({ schema, value, onChange }: { schema: JsonSchema; value: JsonObject; onChange(next: JsonObject, path: string): void }) {
  const tracker = useRef<string | null>(null);
  return (
    <EditPath.Provider value={tracker}>
      <ObjectFields
        schema={schema}
        value={value}
        path=""
        onChange={(next) => {
          const path = tracker.current ?? '';
          tracker.current = null;
          onChange(next, path);
        }}
      />
    </EditPath.Provider>
  );
}
