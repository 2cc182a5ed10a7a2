import type { Team } from '@parley/shared';
import { memo } from 'react';

function hoursText(team: Team): string {
  if (!team.businessHours) return 'always open';
  const days = Object.values(team.businessHours.weekly).filter((ranges) => (ranges ?? []).length > 0).length;
  return `${days} day${days === 1 ? '' : 's'} a week · ${team.businessHours.timezone ?? 'flow’s zone'}`;
}

const TeamRow = memo(function TeamRow({ team, onEdit, onDelete }: { team: Team; onEdit(team: Team): void; onDelete(team: Team): void }) {
  return (
    <tr>
      <td>
        <code>{team.key}</code>
      </td>
      <td>{team.name}</td>
      <td>{team.memberIds.length}</td>
      <td>{hoursText(team)}</td>
      <td>{team.sla ? `${team.sla.firstResponseMinutes} min / ${team.sla.resolutionMinutes} min` : 'none'}</td>
      <td>{team.autoAssign ? `on, ${team.maxOpenPerAgent} each` : 'off'}</td>
      <td>
        <div className="actions">
          <button type="button" aria-label={`Edit ${team.name}`} onClick={() => onEdit(team)}>
            Edit
          </button>
          <button type="button" className="danger" aria-label={`Delete ${team.name}`} onClick={() => onDelete(team)}>
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
});

export function TeamsTable({ teams, onEdit, onDelete }: { teams: readonly Team[]; onEdit(team: Team): void; onDelete(team: Team): void }) {
  return (
    <table className="table" aria-label="Teams">
      <thead>
        <tr>
          <th scope="col">Queue</th>
          <th scope="col">Name</th>
          <th scope="col">Agents</th>
          <th scope="col">Hours</th>
          <th scope="col">SLA (first / resolve)</th>
          <th scope="col">Auto-assign</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {teams.map((team) => (
          <TeamRow key={team.id} team={team} onEdit={onEdit} onDelete={onDelete} />
        ))}
      </tbody>
    </table>
  );
}
