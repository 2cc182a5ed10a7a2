import { useEditor } from '../store/use-editor';

/** Every problem of the flow on screen; choosing one shows its step. */
export function ProblemsPanel({ onClose }: { onClose: () => void }) {
  const problems = useEditor((s) => s.problems);
  const focusNode = useEditor((s) => s.focusNode);
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="problems" aria-label="Problems">
      <header>
        <h2>
          Problems <span className="count">{errors} errors · {problems.length - errors} warnings</span>
        </h2>
        <button type="button" className="icon" aria-label="Close problems" onClick={onClose}>
          ×
        </button>
      </header>
      {problems.length === 0 ? (
        <p className="hint">No problems: this flow can be published.</p>
      ) : (
        <ul>
          {problems.map((problem, i) => (
            <li key={`${problem.code}-${problem.nodeId ?? ''}-${problem.edgeId ?? ''}-${i}`} className={problem.severity}>
              <button type="button" disabled={!problem.nodeId} onClick={() => problem.nodeId && focusNode(problem.nodeId)}>
                <span className="sev">{problem.severity === 'error' ? 'Error' : 'Warning'}</span> {problem.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
