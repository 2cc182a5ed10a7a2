import type { ReactNode } from 'react';
import type { AttributeRow, AttributeType, OptionRow } from './product-form';

/** An editable list in the product form: each row its inputs and a remove button, then an add button. */
function RowList<T>({
  legend,
  help,
  rows,
  invalid,
  max,
  blank,
  noun,
  onChange,
  render,
}: {
  legend: string;
  help: ReactNode;
  rows: readonly T[];
  invalid: (index: number) => boolean;
  max?: number;
  blank: T;
  noun: string;
  onChange(rows: T[]): void;
  render(row: T, index: number, set: (row: T) => void): ReactNode;
}) {
  return (
    <fieldset className="list">
      <legend>
        {legend} <span className="count">{rows.length}</span>
      </legend>
      <p className="help">{help}</p>
      <ol className="list-items">
        {rows.map((row, index) => (
          <li key={index} className={`list-item simple${invalid(index) ? ' invalid' : ''}`}>
            {render(row, index, (next) => onChange(rows.map((old, j) => (j === index ? next : old))))}
            <button type="button" className="icon danger" aria-label={`Remove ${noun} ${index + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== index))}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="add" disabled={max !== undefined && rows.length >= max} onClick={() => onChange([...rows, blank])}>
        + Add {noun}
      </button>
    </fieldset>
  );
}

export function ImageRows({ images, invalid, onChange }: { images: readonly string[]; invalid: boolean; onChange(images: string[]): void }) {
  return (
    <RowList
      legend="More images"
      help="Up to ten picture addresses. A card without an image address shows the first."
      rows={images}
      invalid={() => invalid}
      max={10}
      blank=""
      noun="image"
      onChange={onChange}
      render={(url, index, set) => <input type="url" aria-label={`Image ${index + 1}`} placeholder="https://shop.example/back.jpg" value={url} onChange={(e) => set(e.target.value)} />}
    />
  );
}

const TYPES: { value: AttributeType; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'Yes / no' },
];

export function AttributeRows({ rows, invalid, onChange }: { rows: readonly AttributeRow[]; invalid: (index: number) => boolean; onChange(rows: AttributeRow[]): void }) {
  return (
    <RowList
      legend="Attributes"
      help="Your own fields (skin, finish, edition), for Products filters and quiz recommendations."
      rows={rows}
      invalid={invalid}
      blank={{ key: '', value: '', type: 'text' }}
      noun="attribute"
      onChange={onChange}
      render={(row, index, set) => (
        <>
          <input aria-label={`Attribute ${index + 1} name`} placeholder="finish" value={row.key} onChange={(e) => set({ ...row, key: e.target.value })} />
          {row.type === 'boolean' ? (
            <select aria-label={`Attribute ${index + 1} value`} value={row.value === 'true' ? 'true' : 'false'} onChange={(e) => set({ ...row, value: e.target.value })}>
              <option value="true">yes</option>
              <option value="false">no</option>
            </select>
          ) : (
            <input aria-label={`Attribute ${index + 1} value`} placeholder={row.type === 'number' ? '42' : 'matte'} inputMode={row.type === 'number' ? 'decimal' : undefined} value={row.value} onChange={(e) => set({ ...row, value: e.target.value })} />
          )}
          <select aria-label={`Attribute ${index + 1} type`} value={row.type} onChange={(e) => set({ ...row, type: TYPES.find((t) => t.value === e.target.value)?.value ?? 'text' })}>
            {TYPES.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </select>
        </>
      )}
    />
  );
}

export function OptionRows({ rows, invalid, onChange }: { rows: readonly OptionRow[]; invalid: (index: number) => boolean; onChange(rows: OptionRow[]): void }) {
  return (
    <RowList
      legend="Option values"
      help="What makes this variant itself, such as Colour: Noir and Strap: Chain. Customers choose these in a Choose options step."
      rows={rows}
      invalid={invalid}
      blank={{ name: '', value: '' }}
      noun="option"
      onChange={onChange}
      render={(row, index, set) => (
        <>
          <input aria-label={`Option ${index + 1} name`} placeholder="Colour" value={row.name} onChange={(e) => set({ ...row, name: e.target.value })} />
          <input aria-label={`Option ${index + 1} value`} placeholder="Noir" value={row.value} onChange={(e) => set({ ...row, value: e.target.value })} />
        </>
      )}
    />
  );
}
