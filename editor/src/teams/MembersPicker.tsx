import { useEffect, useState } from 'react';
import type { InboxAgent } from '@parley/shared';
import { listAgents } from '../api/inbox';

/** The team's agents, ticked from everyone who can answer in the inbox. */
export function MembersPicker({ memberIds, onChange }: { memberIds: readonly string[]; onChange(ids: string[]): void }) {
  const [users, setUsers] = useState<InboxAgent[] | null>(null);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    void listAgents().then((answer) => {
      if (answer.ok) setUsers(answer.value.agents);
      else setProblem(answer.error.message);
    });
  }, []);
  const toggle = (id: string, on: boolean) => onChange(on ? [...memberIds, id] : memberIds.filter((member) => member !== id));
  return (
    <fieldset className="members">
      <legend>Agents</legend>
      {problem && <p className="hint">{problem}</p>}
      {users === null && !problem && <p aria-busy="true">Loading the users…</p>}
      {users?.map((user) => (
        <label key={user.id} className="check">
          <input type="checkbox" checked={memberIds.includes(user.id)} onChange={(e) => toggle(user.id, e.target.checked)} />
          {user.name} <span className="hint">{user.email} · {user.role}</span>
        </label>
      ))}
      {users === null && memberIds.length > 0 && <p className="hint">{memberIds.length} member(s): {memberIds.join(', ')}</p>}
      {users?.length === 0 && <p className="hint">No users yet: add agents on the Users page.</p>}
    </fieldset>
  );
}
