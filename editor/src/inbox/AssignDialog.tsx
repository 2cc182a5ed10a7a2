import type { InboxAgent, Team } from '@parley/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { listAgents } from '../api/inbox';
import { Field } from '../catalog/Field';
import { Dialog } from '../components/Dialog';

const QUEUE = '';

/**
 * Give the conversation to someone (each shown online or away, with what they already hold), back to
 * its queue, or to another team's queue.
 */
export function AssignDialog({ me, teams, teamKey, onAssign, onClose }: { me: { id: string; name: string } | null; teams: readonly Team[]; teamKey: string; onAssign(to: { agentId?: string | null; teamKey?: string }): void; onClose(): void }) {
  const [people, setPeople] = useState<InboxAgent[]>([]);
  const [agentId, setAgentId] = useState(me?.id ?? QUEUE);
  const [team, setTeam] = useState(teamKey);
  useEffect(() => {
    void listAgents().then((answer) => answer.ok && setPeople(answer.value.agents));
  }, []);
  const others = people.filter((person) => person.id !== me?.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    onAssign(team !== teamKey ? { teamKey: team } : { agentId: agentId === QUEUE ? null : agentId });
    onClose();
  }

  return (
    <Dialog title="Assign the conversation" onClose={onClose}>
      <form onSubmit={submit}>
        <div className="dialog-body stack">
          <Field label="Agent">
            {(props) => (
              <select {...props} value={agentId} disabled={team !== teamKey} onChange={(e) => setAgentId(e.target.value)}>
                {me && <option value={me.id}>Me ({me.name})</option>}
                {others.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name} · {person.online ? 'online' : 'away'} · {person.open} open
                  </option>
                ))}
                <option value={QUEUE}>Nobody: back to the queue</option>
              </select>
            )}
          </Field>
          <Field label="Team">
            {(props) => (
              <select {...props} value={team} onChange={(e) => setTeam(e.target.value)}>
                {!teams.some((entry) => entry.key === teamKey) && <option value={teamKey}>{teamKey}</option>}
                {teams.map((entry) => (
                  <option key={entry.key} value={entry.key}>
                    {entry.name}
                    {entry.key === teamKey ? ' (this queue)' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {team !== teamKey && <p className="hint">Transferring puts it in that team’s queue, unassigned.</p>}
        </div>
        <footer className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {team !== teamKey ? 'Transfer' : 'Assign'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
