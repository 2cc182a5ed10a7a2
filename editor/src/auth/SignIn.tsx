import { type FormEvent, useState } from 'react';
import { MIN_PASSWORD_LENGTH } from '../api/auth';
import { Alert } from '../components/Alert';
import { type AuthView, useAuth } from './auth-store';

function TokenForm() {
  const signInWithToken = useAuth((s) => s.signInWithToken);
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError((await signInWithToken(token.trim())) ?? '');
    setBusy(false);
  }
  return (
    <form onSubmit={submit} className="stack">
      <label>
        Token
        <input type="password" required value={token} onChange={(e) => setToken(e.target.value)} placeholder="prl_…" autoComplete="off" />
      </label>
      <p className="hint">The admin token printed at the first start, or a personal API token. It is kept for this tab only.</p>
      <Alert>{error}</Alert>
      <button type="submit" className="primary" disabled={busy || token.trim() === ''}>
        Sign in with the token
      </button>
    </form>
  );
}

function PasswordForm() {
  const signIn = useAuth((s) => s.signIn);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError((await signIn(email.trim(), password)) ?? '');
    setBusy(false);
  }
  return (
    <form onSubmit={submit} className="stack">
      <label>
        Email
        <input type="email" required autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        Password
        <input type="password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <Alert>{error}</Alert>
      <button type="submit" className="primary" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}

function SetupForm() {
  const createAdmin = useAuth((s) => s.createAdmin);
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError((await createAdmin({ name: form.name.trim(), email: form.email.trim(), password: form.password })) ?? '');
    setBusy(false);
  }
  return (
    <form onSubmit={submit} className="stack">
      <p>Welcome to Parley. Create the first account: it is the administrator, who can invite everyone else.</p>
      <label>
        Your name
        <input required autoComplete="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </label>
      <label>
        Email
        <input type="email" required autoComplete="username" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
      </label>
      <label>
        Password
        <input type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
      </label>
      <p className="hint">At least {MIN_PASSWORD_LENGTH} characters.</p>
      <Alert>{error}</Alert>
      <button type="submit" className="primary" disabled={busy}>
        Create the admin account
      </button>
    </form>
  );
}

export function SignIn({ view }: { view: Extract<AuthView, { phase: 'setup' | 'signin' }> }) {
  return (
    <main className="signin">
      <section className="card">
        <h1 className="brand">Parley</h1>
        {view.phase === 'setup' ? (
          <SetupForm />
        ) : (
          <>
            {view.notice && <Alert tone="info">{view.notice}</Alert>}
            {view.accounts ? (
              <>
                <PasswordForm />
                <details className="alt-signin">
                  <summary>Use an API token instead</summary>
                  <TokenForm />
                </details>
              </>
            ) : (
              <TokenForm />
            )}
          </>
        )}
      </section>
    </main>
  );
}
