import type { CannedResponse } from '@parley/shared';
import { useEffect, useState } from 'react';
import { Alert } from '../components/Alert';
import { ConfirmDialog } from '../components/Dialog';
import { Link } from '../components/Link';
import { CannedDialog } from '../teams/CannedDialog';
import { teamsStore, useTeams } from '../teams/use-teams';

type Editing = { response: CannedResponse | null } | null;

/** Ready answers agents insert with "/shortcut", for every team or one. */
export function CannedResponsesPage() {
  const canned = useTeams((s) => s.canned);
  const teams = useTeams((s) => s.teams);
  const error = useTeams((s) => s.error);
  const saveCanned = useTeams((s) => s.saveCanned);
  const removeCanned = useTeams((s) => s.removeCanned);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<CannedResponse | null>(null);
  useEffect(() => {
    void teamsStore.getState().loadCanned();
    void teamsStore.getState().loadTeams();
  }, []);
  const teamName = (key: string | null) => (key === null ? 'Every team' : (teams?.find((team) => team.key === key)?.name ?? key));

  return (
    <section className="page">
      <div className="page-head">
        <h1>Canned responses</h1>
        <div className="actions">
          <Link href="/teams">Teams</Link>
          <button type="button" className="primary" onClick={() => setEditing({ response: null })}>
            New canned response
          </button>
        </div>
      </div>
      <Alert>{error}</Alert>
      {canned === null && !error && <p aria-busy="true">Loading…</p>}
      {canned?.length === 0 && <p className="empty-line">None yet. Add the answers agents give most often.</p>}
      {canned && canned.length > 0 && (
        <table className="table" aria-label="Canned responses">
          <thead>
            <tr>
              <th scope="col">Shortcut</th>
              <th scope="col">Text</th>
              <th scope="col">Offered in</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {canned.map((response) => (
              <tr key={response.id}>
                <td>
                  <code>/{response.shortcut}</code>
                </td>
                <td className="canned-text">{response.text}</td>
                <td>{teamName(response.teamKey)}</td>
                <td>
                  <div className="actions">
                    <button type="button" aria-label={`Edit /${response.shortcut}`} onClick={() => setEditing({ response })}>
                      Edit
                    </button>
                    <button type="button" className="danger" aria-label={`Delete /${response.shortcut}`} onClick={() => setRemoving(response)}>
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <CannedDialog initial={editing.response} teams={teams ?? []} onSave={(input) => saveCanned(editing.response?.id ?? null, input)} onClose={() => setEditing(null)} />}
      {removing && (
        <ConfirmDialog title={`Delete /${removing.shortcut}?`} message={<p>Agents will no longer be offered it.</p>} confirm="Delete" danger onConfirm={() => void removeCanned(removing.id)} onClose={() => setRemoving(null)} />
      )}
    </section>
  );
}
