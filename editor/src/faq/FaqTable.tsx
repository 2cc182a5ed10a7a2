import type { FaqEntry } from '@parley/shared';
import { FaqRow, type RowActions } from './FaqRow';

/** The FAQ entries (already filtered by the search), each row edited in place. */
export function FaqTable({ entries, focus, actions }: { entries: readonly FaqEntry[]; focus: { id: string; field: 'question' | 'answer' } | null; actions: RowActions }) {
  if (entries.length === 0) return <p className="hint">No entries here yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table faq-table">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Other phrasings</th>
            <th scope="col">Answer</th>
            <th scope="col">Tags</th>
            <th scope="col">Language</th>
            <th scope="col">On</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <FaqRow key={entry.id} entry={entry} focus={focus?.id === entry.id ? focus.field : null} actions={actions} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
