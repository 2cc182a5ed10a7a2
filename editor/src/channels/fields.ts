import type { JsonSchema } from '../flow/schema';

/** One field of a connection form, read from the connection config's JSON Schema. */
export interface ConnectionField {
  name: string;
  label: string;
  description?: string;
  kind: 'text' | 'secret' | 'number' | 'boolean' | 'select';
  options?: string[];
  required: boolean;
  pattern?: string;
  defaultValue?: string | boolean;
}

/** What the form holds: text for inputs, booleans for checkboxes. */
export type FormValues = Record<string, string | boolean>;

/** `pageAccessToken` → "Page access token". */
export function labelFor(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const typeOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type);

/** The form's fields, in the schema's order; `enabled` has its own switch. */
export function connectionFields(schema: JsonSchema, secrets: readonly string[]): ConnectionField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => name !== 'enabled')
    .map(([name, property]) => {
      const type = typeOf(property);
      const options = property.enum?.filter((value): value is string => typeof value === 'string');
      const kind: ConnectionField['kind'] = secrets.includes(name) ? 'secret' : options ? 'select' : type === 'boolean' ? 'boolean' : type === 'number' || type === 'integer' ? 'number' : 'text';
      const defaultValue = typeof property.default === 'string' || typeof property.default === 'boolean' ? property.default : undefined;
      return {
        name,
        label: labelFor(name),
        kind,
        required: required.has(name) && property.default === undefined,
        ...(property.description ? { description: property.description } : {}),
        ...(options ? { options } : {}),
        ...(property.pattern ? { pattern: property.pattern } : {}),
        ...(defaultValue === undefined ? {} : { defaultValue }),
      };
    });
}

/** The form's starting values: the stored connection (secrets left blank: they are never read back), else defaults. */
export function initialValues(fields: readonly ConnectionField[], config: Record<string, unknown> | null): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const stored = field.kind === 'secret' ? undefined : config?.[field.name];
    if (field.kind === 'boolean') values[field.name] = typeof stored === 'boolean' ? stored : field.defaultValue === true;
    else values[field.name] = stored === undefined || stored === null ? (typeof field.defaultValue === 'string' ? field.defaultValue : '') : String(stored);
  }
  return values;
}

/**
 * The PUT body: blank optional fields left out, numbers as numbers, and a stored secret sent only when
 * it is being replaced (left out, the server keeps it).
 */
export function connectionBody(fields: readonly ConnectionField[], values: FormValues, keepSecrets: ReadonlySet<string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'secret' && keepSecrets.has(field.name)) continue;
    if (typeof value === 'boolean') body[field.name] = value;
    else if (value === undefined || value.trim() === '') continue;
    else body[field.name] = field.kind === 'number' && Number.isFinite(Number(value)) ? Number(value) : value.trim();
  }
  return body;
}
