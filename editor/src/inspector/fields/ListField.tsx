import { useState } from 'react';
import { newListItem, singular } from '../../flow/defaults';
import { type JsonValue, humanize, isObject, toJson, typeOf } from '../../flow/schema';
import { SchemaField } from '../SchemaForm';
import { useFormContext } from '../form-context';
import type { FieldProps } from './field-props';

const move = <T,>(list: readonly T[], from: number, to: number): T[] => {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
};

/** The name of an item in its header: its title, label, question or text, else "Button 2". */
function itemName(item: unknown, fallback: string): string {
  if (typeof item === 'string') return item || fallback;
  if (!isObject(item)) return fallback;
  for (const key of ['title', 'label', 'question', 'text', 'name', 'field', 'variable', 'id']) {
    const value = item[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return fallback;
}

/**
 * A list you can add to, remove from and reorder (buttons, quiz questions, FAQ rows, filters).
 * Items of objects are cards with their own fields; new items get fresh ids.
 */
export function ListField({ schema, value, onChange, path, label, required }: FieldProps) {
  const items = Array.isArray(value) ? value : Array.isArray(schema.default) ? schema.default : [];
  const itemSchema = schema.items ?? {};
  const key = path.split('.').pop() ?? 'item';
  const noun = humanize(singular(/^\d+$/.test(key) ? 'item' : key)).toLowerCase();
  const problem = useFormContext().problems.get(path);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const atMax = schema.maxItems !== undefined && items.length >= schema.maxItems;
  const atMin = items.length <= (schema.minItems ?? 0);
  const simple = typeOf(itemSchema) !== 'object';
  const set = (next: unknown[]) => onChange(next.map((item) => toJson(item) ?? null));

  return (
    <fieldset className={`list${problem ? ' invalid' : ''}`}>
      <legend>
        {label}
        {required && <span className="req" aria-hidden="true"> *</span>}
        <span className="count">{items.length}</span>
      </legend>
      {schema.help && <p className="help">{schema.help}</p>}
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <ol className={simple ? 'list-items simple' : 'list-items'}>
        {items.map((item, i) => {
          const name = itemName(item, `${humanize(noun)} ${i + 1}`);
          const isCollapsed = collapsed.has(i);
          const controls = (
            <span className="item-tools">
              <button type="button" className="icon" aria-label={`Move ${name} up`} disabled={i === 0} onClick={() => set(move(items, i, i - 1))}>
                ↑
              </button>
              <button type="button" className="icon" aria-label={`Move ${name} down`} disabled={i === items.length - 1} onClick={() => set(move(items, i, i + 1))}>
                ↓
              </button>
              <button type="button" className="icon danger" aria-label={`Remove ${name}`} disabled={atMin} onClick={() => set(items.filter((_, j) => j !== i))}>
                ×
              </button>
            </span>
          );
          if (simple)
            return (
              <li key={i} className="list-item simple">
                <SchemaField schema={itemSchema} value={item} path={`${path}.${i}`} label={`${humanize(noun)} ${i + 1}`} required onChange={(next: JsonValue | undefined) => set(items.map((old, j) => (j === i ? (next ?? '') : old)))} />
                {controls}
              </li>
            );
          return (
            <li key={i} className="list-item">
              <div className="item-head">
                <button
                  type="button"
                  className="item-toggle"
                  aria-expanded={!isCollapsed}
                  onClick={() => setCollapsed((old) => {
                    const next = new Set(old);
                    if (next.has(i)) next.delete(i);
                    else next.add(i);
                    return next;
                  })}
                >
                  <span className="index">{i + 1}</span> {name}
                </button>
                {controls}
              </div>
              {!isCollapsed && (
                <div className="item-body">
                  <SchemaField schema={itemSchema} value={item} path={`${path}.${i}`} label={name} required nested onChange={(next: JsonValue | undefined) => set(items.map((old, j) => (j === i ? (next ?? null) : old)))} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {items.length === 0 && <p className="hint">No {noun}s yet.</p>}
      <button type="button" className="add" disabled={atMax} onClick={() => set([...items, newListItem(itemSchema, items, key)])}>
        + Add {noun}
      </button>
    </fieldset>
  );
}
