import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { MIN_PASSWORD_LENGTH, ROLES, type Role, type User, addUser, changeRole, deleteUser, listUsers } from '../api/auth';
import type { AuthView } from '../auth/auth-store';
import { Alert } from '../components/Alert';
import { ConfirmDialog } from '../components/Dialog';

const ROLE_HELP: Record<Role, string> = {
  admin: 'everything, including users',
  editor: 'builds and publishes bots',
  agent: 'answers conversations handed to a person',
};

/** The admin's page: who may sign in, and with which role. */
export function UsersPage({ view }: { view: Extract<AuthView, { phase: 'ready' }> }) {
  const [users, setUsers] = useState<User[] | null>(null);
  const [form, setForm] = useState<{ name: string; email: string; role: Role; password: string }>({ name: '', email: '', role: 'editor', password: '' });
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [removing, setRemoving] = useState<User | null>(null);

  const load = useCallback(async () => {
    const answer = await listUsers();
    if (answer.ok) setUsers(answer.value.users);
    else setError(answer.error.status === 404 ? 'This server has no user accounts yet: everyone signs in with the admin token.' : answer.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function add(event: FormEvent) {
    event.preventDefault();
    setError('');
    const answer = await addUser({ ...form, name: form.name.trim(), email: form.email.trim() });
    if (!answer.ok) return setError(answer.error.message);
    setNotice(`Added ${form.name.trim()}. Give them their password to sign in.`);
    setForm({ name: '', email: '', role: 'editor', password: '' });
    await load();
  }

  async function setRole(user: User, role: Role) {
    const answer = await changeRole(user.id, role);
    if (!answer.ok) return setError(answer.error.message);
    await load();
  }

  async function remove(user: User) {
    const answer = await deleteUser(user.id);
    if (!answer.ok) return setError(answer.error.message);
    await load();
  }

  if (view.user?.role !== 'admin')
    return (
      <section className="page">
        <h1>Users</h1>
        <p>{view.method === 'token' ? 'You signed in with a token, which names no user: sign in with an administrator’s email to manage users.' : 'Only an administrator manages users.'}</p>
      </section>
    );
  return (
    <section className="page narrow">
      <h1>Users</h1>
      <Alert>{error}</Alert>
      <Alert tone="success">{notice}</Alert>
      {users && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>
                  <select aria-label={`Role of ${user.name}`} value={user.role} disabled={user.id === view.user?.id} onChange={(e) => void setRole(user, ROLES.find((r) => r === e.target.value) ?? user.role)}>
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {user.id !== view.user?.id && (
                    <button type="button" className="danger" onClick={() => setRemoving(user)}>
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Add a user</h2>
      <form onSubmit={add} className="grid-form">
        <label>
          Name
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label>
          Email
          <input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </label>
        <label>
          Role
          <select value={form.role} onChange={(e) => setForm({ ...form, role: ROLES.find((r) => r === e.target.value) ?? 'editor' })}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}: {ROLE_HELP[role]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Password
          <input type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
        </label>
        <button type="submit" className="primary">
          Add the user
        </button>
      </form>
      {removing && (
        <ConfirmDialog
          title={`Delete ${removing.name}?`}
          message={<p>They can no longer sign in; their API tokens stop working.</p>}
          confirm="Delete the user"
          danger
          onConfirm={() => void remove(removing)}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
