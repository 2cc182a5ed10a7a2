import { type FormEvent, useMemo, useState } from 'react';
import type { ApiError } from '../api/http';
import { Alert } from '../components/Alert';
import type { ChannelConnection } from './api';
import { type ConnectionField, type FormValues, connectionBody, connectionFields, initialValues } from './fields';

interface Props {
  connection: ChannelConnection;
  /** Saves the PUT body; the server's error, if it refused it. */
  onSave: (body: Record<string, unknown>) => Promise<ApiError | null>;
}

/**
 * A channel's connection form, generated from its config schema. Stored secrets are never read back:
 * they show masked, with "Replace" to type a new one; left alone, the server keeps them.
 */
export function ConnectionForm({ connection, onSave }: Props) {
  const fields = useMemo(() => connectionFields(connection.schema, connection.secrets), [connection.schema, connection.secrets]);
  const [values, setValues] = useState<FormValues>(() => initialValues(fields, connection.config));
  const storedSecrets = () => new Set(fields.filter((f) => f.kind === 'secret' && typeof connection.config?.[f.name] === 'string' && !connection.unreadable.includes(f.name)).map((f) => f.name));
  const [keep, setKeep] = useState<Set<string>>(storedSecrets);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (name: string, value: string | boolean) => setValues((current) => ({ ...current, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setSaved(false);
    const refused = await onSave(connectionBody(fields, values, keep));
    setSaving(false);
    setError(refused);
    if (!refused) {
      setSaved(true);
      setValues((current) => ({ ...current, ...Object.fromEntries(fields.filter((f) => f.kind === 'secret').map((f) => [f.name, ''])) }));
      setKeep(new Set(fields.filter((f) => f.kind === 'secret' && (keep.has(f.name) || String(values[f.name] ?? '') !== '')).map((f) => f.name)));
    }
  }

  const idOf = (field: ConnectionField) => `${connection.channel}-${field.name}`;
  return (
    <form className="connection-form" onSubmit={submit} aria-label={`${connection.title} connection`}>
      {fields.map((field) => (
        <div className={`connection-field${error?.field === field.name ? ' invalid' : ''}`} key={field.name}>
          <label htmlFor={idOf(field)}>
            {field.label}
            {field.required ? '' : ' (optional)'}
          </label>
          {field.kind === 'secret' && keep.has(field.name) ? (
            <span className="secret-row">
              <code id={idOf(field)} aria-label={`${field.label}, stored`}>
                {String(connection.config?.[field.name] ?? '••••')}
              </code>
              <button type="button" onClick={() => setKeep((current) => new Set([...current].filter((name) => name !== field.name)))}>
                Replace
              </button>
            </span>
          ) : field.kind === 'boolean' ? (
            <input id={idOf(field)} type="checkbox" checked={values[field.name] === true} onChange={(e) => set(field.name, e.target.checked)} />
          ) : field.kind === 'select' ? (
            <select id={idOf(field)} value={String(values[field.name] ?? '')} onChange={(e) => set(field.name, e.target.value)}>
              <option value="">{field.required ? 'Choose…' : 'None'}</option>
              {field.options?.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          ) : (
            <input
              id={idOf(field)}
              type={field.kind === 'secret' ? 'password' : field.kind === 'number' ? 'number' : 'text'}
              autoComplete="off"
              required={field.required}
              pattern={field.pattern}
              value={String(values[field.name] ?? '')}
              onChange={(e) => set(field.name, e.target.value)}
            />
          )}
          {field.description && <small>{field.description}</small>}
          {connection.unreadable.includes(field.name) && <small className="warning">Stored under another server key: enter it again.</small>}
        </div>
      ))}
      <Alert>{error ? `${error.message}${error.field ? ` (${error.field})` : ''}` : ''}</Alert>
      {saved && <Alert tone="success">Saved.</Alert>}
      <button type="submit" className="primary" disabled={saving}>
        {connection.connected ? 'Save' : 'Connect'}
      </button>
    </form>
  );
}
