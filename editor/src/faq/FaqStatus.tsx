import { useStore } from 'zustand';
import type { FaqStore } from './faq-store';

/** Whether the FAQ's edits reached the draft. */
export function SaveStatus({ store, onReload }: { store: FaqStore; onReload(): void }) {
  const save = useStore(store, (s) => s.save);
  if (save.kind === 'conflict')
    return (
      <span className="save-status error" role="alert">
        Someone else changed this bot's draft.{' '}
        <button type="button" onClick={onReload}>
          Reload
        </button>
      </span>
    );
  if (save.kind === 'error')
    return (
      <span className="save-status error" role="alert">
        Not saved: {save.message}
      </span>
    );
  return (
    <span className="save-status" aria-live="polite">
      {save.kind === 'saved' ? 'All changes saved to the draft' : 'Saving…'}
    </span>
  );
}

/** What keeps the FAQ from going live: rows without answer, repeated ids, FAQ nodes with nothing to answer. */
export function FaqProblems({ store }: { store: FaqStore }) {
  const problems = useStore(store, (s) => s.problems);
  if (problems.length === 0) return null;
  return (
    <ul className="faq-problems" aria-label="FAQ problems">
      {problems.map((problem, index) => (
        <li key={index} className={problem.severity}>
          {problem.message}
        </li>
      ))}
    </ul>
  );
}
