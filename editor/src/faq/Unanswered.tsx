import type { UnansweredGroup } from './api';

export interface UnansweredActions {
  /** Adds an entry for the group (its question, its other phrasings) and opens it for the answer. */
  add(group: UnansweredGroup): void;
  dismiss(group: UnansweredGroup): void;
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Questions the bot could not answer, most asked first: each becomes an FAQ entry in one click, or is dismissed. */
export function Unanswered({ groups, actions }: { groups: readonly UnansweredGroup[]; actions: UnansweredActions }) {
  if (groups.length === 0) return <p className="hint">No unanswered questions: every question customers asked found an answer (or was dismissed).</p>;
  return (
    <ul className="unanswered-list">
      {groups.map((group) => {
        const [first = group.key, ...others] = group.examples;
        return (
          <li key={group.key} data-key={group.key} className="unanswered">
            <p>
              <strong>{first}</strong> <span className="badge">{group.count === 1 ? 'asked once' : `asked ${group.count} times`}</span> <span className="hint">last {when(group.lastAskedAt)}</span>
            </p>
            {others.length > 0 && <p className="hint">Also asked as: {others.map((text) => `“${text}”`).join(', ')}</p>}
            {group.closest && <p className="hint">Closest entry: {group.closest.question}</p>}
            <div className="actions">
              <button type="button" className="primary" onClick={() => actions.add(group)}>
                Add as FAQ entry
              </button>
              <button type="button" onClick={() => actions.dismiss(group)}>
                Dismiss
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
