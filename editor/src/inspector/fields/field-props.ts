import type { JsonSchema, JsonValue } from '../../flow/schema';

export interface FieldProps {
  schema: JsonSchema;
  value: unknown;
  /** `undefined` removes the field (an optional field left empty). */
  onChange(next: JsonValue | undefined): void;
  /** Dotted path in the node's data, for ids, problems and undo grouping. */
  path: string;
  label: string;
  required: boolean;
}
