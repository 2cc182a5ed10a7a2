import type { InboxList, InboxView } from '@parley/shared';
import { Alert } from '../components/Alert';
import { useInbox } from './use-inbox';

const VIEWS: { view: InboxView; label: string; count?: 'waiting' | 'mine' | 'all' }[] = [
  { view: 'waiting', label: 'Waiting', count: 'waiting' },
  { view: 'mine', label: 'Mine', count: 'mine' },
  { view: 'all', label: 'All open', count: 'all' },
  { view: 'resolved', label: 'Resolved' },
];

/** Views and queues with their counts, and whether this agent takes new work. */
export function InboxSidebar({ counts }: { counts: InboxList['counts'] | null }) {
  const view = useInbox((s) => s.view);
  const team = useInbox((s) => s.team);
  const online = useInbox((s) => s.online);
  const presenceError = useInbox((s) => s.presenceError);
  const setView = useInbox((s) => s.setView);
  const setTeam = useInbox((s) => s.setTeam);
  const setOnline = useInbox((s) => s.setOnline);
  return (
    <aside className="inbox-side">
      <label className="presence">
        <input type="checkbox" role="switch" checked={online} onChange={(e) => void setOnline(e.target.checked)} />
        {online ? 'Online' : 'Away'}
        <span className="sr-only"> (take new conversations)</span>
      </label>
      <Alert>{presenceError}</Alert>
      <nav aria-label="Inbox views">
        <ul>
          {VIEWS.map((entry) => (
            <li key={entry.view}>
              <button type="button" aria-pressed={view === entry.view} onClick={() => void setView(entry.view)}>
                {entry.label}
                {entry.count && counts && <span className="count">{counts[entry.count]}</span>}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <h3 id="queues-title">Queues</h3>
      <ul aria-labelledby="queues-title">
        <li>
          <button type="button" aria-pressed={team === null} onClick={() => void setTeam(null)}>
            Every queue
          </button>
        </li>
        {counts?.teams.map((entry) => (
          <li key={entry.key}>
            <button type="button" aria-pressed={team === entry.key} onClick={() => void setTeam(entry.key)} aria-label={`${entry.name}: ${entry.waiting} waiting, ${entry.open} open`}>
              {entry.name}
              <span className="count" aria-hidden="true">
                {entry.waiting}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
