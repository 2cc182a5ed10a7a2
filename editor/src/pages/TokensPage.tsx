import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { type ApiToken, MIN_PASSWORD_LENGTH, changePassword, createToken, deleteToken, listTokens } from '../api/auth';
import type { AuthView } from '../auth/auth-store';
import { Alert } from '../components/Alert';
import { ConfirmDialog } from '../components/Dialog';

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await changePassword(current, next);
    if (!answer.ok) return setMessage({ tone: 'error', text: answer.error.message });
    setCurrent('');
    setNext('');
    setMessage({ tone: 'success', text: 'Password changed.' });
  }
  return (
    <form onSubmit={submit} className="grid-form">
      <label>
        Current password
        <input type="password" required autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label>
        New password
        <input type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} aria-describedby="new-password-rule" />
      </label>
      <button type="submit">Change password</button>
      <p className="hint" id="new-password-rule">
        At least {MIN_PASSWORD_LENGTH} characters.
      </p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </form>
  );
}

/** Your account: password, and personal API tokens for scripts and the `parley` command line, acting as you. */
export function TokensPage({ view }: { view: Extract<AuthView, { phase: 'ready' }> }) {
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState('');
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const load = useCallback(async () => {
    const answer = await listTokens();
    if (answer.ok) setTokens(answer.value.tokens);
    else setError(answer.error.message);
  }, []);
  useEffect(() => {
    if (view.method === 'session') void load();
  }, [load, view.method]);

  async function create(event: FormEvent) {
    event.preventDefault();
    const answer = await createToken(name.trim());
    if (!answer.ok) return setError(answer.error.message);
    setSecret(answer.value.secret);
    setName('');
    await load();
  }

  async function revoke(token: ApiToken) {
    const answer = await deleteToken(token.id);
    if (!answer.ok) return setError(answer.error.message);
    await load();
  }

  if (view.method !== 'session')
    return (
      <section className="page">
        <h1>API tokens</h1>
        <p>You signed in with a token. Personal API tokens belong to a user account: sign in with your email to manage yours.</p>
      </section>
    );
  return (
    <section className="page narrow">
      <h1>Your account</h1>
      <p>
        {view.user?.name} · {view.user?.email} · {view.user?.role}
      </p>
      <h2>Password</h2>
      <PasswordForm />
      <h2>API tokens</h2>
      <p>A token lets a script or the <code>parley</code> command line act as you. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
      <form onSubmit={create} className="inline-form">
        <label>
          Name
          <input required value={name} onChange={(e) => setName(e.target.value)} placeholder="Deploy script" />
        </label>
        <button type="submit" className="primary" disabled={name.trim() === ''}>
          Create a token
        </button>
      </form>
      {secret && (
        <div className="alert success" role="status">
          <p>Copy your new token now: it is shown only once.</p>
          <code className="secret">{secret}</code>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(secret)}>
            Copy
          </button>
        </div>
      )}
      <Alert>{error}</Alert>
      {tokens?.length === 0 && <p className="empty-line">No tokens yet. Create one above when a script needs to reach Parley.</p>}
      {tokens && tokens.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.createdAt ? new Date(token.createdAt).toLocaleString() : '—'}</td>
                <td>{token.lastUsedAt ? new Date(token.lastUsedAt).toLocaleString() : 'Never'}</td>
                <td>
                  <button type="button" className="danger" onClick={() => setRevoking(token)}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke ${revoking.name}?`}
          message={<p>Scripts using this token stop working at once.</p>}
          confirm="Revoke"
          danger
          onConfirm={() => void revoke(revoking)}
          onClose={() => setRevoking(null)}
        />
      )}
    </section>
  );
}
