import { useState } from 'react';
import type { ApiError } from '../api/http';
import { Alert } from '../components/Alert';
import { ConfirmDialog } from '../components/Dialog';
import { type ChannelConnection, type ConnectionCheck, checkConnection, deleteConnection, saveConnection } from './api';
import { ConnectionForm } from './ConnectionForm';

/** The stored fields a switch must send back (secrets are kept by the server when left out). */
const plainFields = (connection: ChannelConnection) => Object.fromEntries(Object.entries(connection.config ?? {}).filter(([name]) => !connection.secrets.includes(name)));

/** One messaging app: its webhook URL to paste into the platform, its connection form, on/off, check, delete. */
export function ChannelCard({ botId, connection, onChange }: { botId: string; connection: ChannelConnection; onChange: (next: ChannelConnection | null) => void }) {
  const [open, setOpen] = useState(connection.connected);
  const [checks, setChecks] = useState<ConnectionCheck[] | null>(null);
  const [error, setError] = useState('');
  const [deleting, setDeleting] = useState(false);
  const [copied, setCopied] = useState(false);

  async function save(body: Record<string, unknown>): Promise<ApiError | null> {
    const answer = await saveConnection(botId, connection.channel, body);
    if (!answer.ok) return answer.error;
    setChecks(null);
    onChange(answer.value);
    return null;
  }
  async function toggle() {
    const answer = await saveConnection(botId, connection.channel, { ...plainFields(connection), enabled: !connection.enabled });
    if (answer.ok) onChange(answer.value);
    setError(answer.ok ? '' : answer.error.message);
  }
  async function check() {
    const answer = await checkConnection(botId, connection.channel);
    setChecks(answer.ok ? answer.value.checks : null);
    setError(answer.ok ? '' : answer.error.message);
  }
  async function remove() {
    setDeleting(false);
    const answer = await deleteConnection(botId, connection.channel);
    if (answer.ok) onChange(null);
    setError(answer.ok ? '' : answer.error.message);
  }
  async function copy() {
    await navigator.clipboard?.writeText(connection.webhookUrl);
    setCopied(true);
  }

  const status = !connection.connected ? 'Not connected' : connection.enabled ? 'On' : 'Off';
  return (
    <article className="channel-card" aria-labelledby={`channel-${connection.channel}`}>
      <header>
        <h2 id={`channel-${connection.channel}`}>{connection.title}</h2>
        <span className={`channel-status ${status === 'On' ? 'on' : 'off'}`}>{status}</span>
        {!connection.connected && !open && (
          <button type="button" onClick={() => setOpen(true)}>
            Connect
          </button>
        )}
      </header>
      {(open || connection.connected) && (
        <>
          <p className="webhook-url">
            Webhook URL <code>{connection.webhookUrl}</code>
            <button type="button" onClick={() => void copy()} aria-label={`Copy the ${connection.title} webhook URL`}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </p>
          <ConnectionForm key={connection.updatedAt ?? 'new'} connection={connection} onSave={save} />
        </>
      )}
      {connection.connected && (
        <div className="channel-actions">
          <button type="button" onClick={() => void toggle()}>
            {connection.enabled ? 'Switch off' : 'Switch on'}
          </button>
          <button type="button" onClick={() => void check()}>
            Check
          </button>
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Disconnect
          </button>
        </div>
      )}
      <Alert>{error}</Alert>
      {checks && (
        <ul className="channel-checks" aria-label={`${connection.title} checks`}>
          {checks.map((result) => (
            <li key={result.check} className={result.ok ? 'ok' : 'problem'}>
              <strong>{result.ok ? '✓' : '✗'} {result.check}</strong> {result.message}
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Disconnect ${connection.title}?`}
          message={`The bot stops answering on ${connection.title}, and its settings (tokens included) are deleted.`}
          confirm="Disconnect"
          danger
          onConfirm={() => void remove()}
          onClose={() => setDeleting(false)}
        />
      )}
    </article>
  );
}
