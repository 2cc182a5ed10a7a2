import type { Team } from '@parley/shared';
import { useEffect, useState } from 'react';
import { Alert } from '../components/Alert';
import { ConfirmDialog } from '../components/Dialog';
import { Link } from '../components/Link';
import { TeamDialog } from '../teams/TeamDialog';
import { TeamsTable } from '../teams/TeamsTable';
import { emptyTeamForm, formFromTeam } from '../teams/team-form';
import { teamsStore, useTeams } from '../teams/use-teams';
import '../styles/inbox.css';

type Editing = { kind: 'new' } | { kind: 'edit'; team: Team } | null;

/** The teams hand-offs go to: their people, opening hours and response-time promises. */
export function TeamsPage() {
  const teams = useTeams((s) => s.teams);
  const error = useTeams((s) => s.error);
  const saveTeam = useTeams((s) => s.saveTeam);
  const removeTeam = useTeams((s) => s.removeTeam);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Team | null>(null);
  useEffect(() => {
    void teamsStore.getState().loadTeams();
  }, []);

  return (
    <section className="page">
      <div className="page-head">
        <h1>Teams</h1>
        <div className="actions">
          <Link href="/canned-responses">Canned responses</Link>
          <button type="button" className="primary" onClick={() => setEditing({ kind: 'new' })}>
            New team
          </button>
        </div>
      </div>
      <Alert>{error}</Alert>
      {teams === null && !error && <p aria-busy="true">Loading the teams…</p>}
      {teams?.length === 0 && (
        <div className="empty">
          <h2>No teams yet</h2>
          <p>A team is a queue of agents. Hand-off steps name a queue; conversations wait there until one of its agents answers.</p>
        </div>
      )}
      {teams && teams.length > 0 && <TeamsTable teams={teams} onEdit={(team) => setEditing({ kind: 'edit', team })} onDelete={setRemoving} />}
      {editing && (
        <TeamDialog
          initial={editing.kind === 'edit' ? formFromTeam(editing.team) : emptyTeamForm()}
          isNew={editing.kind === 'new'}
          onSave={(input) => saveTeam(editing.kind === 'edit' ? editing.team.id : null, input)}
          onClose={() => setEditing(null)}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={`Delete ${removing.name}?`}
          message={<p>Hand-off steps naming the queue “{removing.key}” will have no team to go to.</p>}
          confirm="Delete the team"
          danger
          onConfirm={() => void removeTeam(removing.id)}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
