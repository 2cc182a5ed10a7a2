import type { RowProblem } from '../api/catalog';

/** How many problems the table lists; a file can have thousands, and the first ones say what is wrong. */
export const SHOWN_PROBLEMS = 200;

/** The problems of a refused import, one line each: the row (1 is the first product), the field, what is wrong. */
export function ImportProblems({ problems }: { problems: readonly RowProblem[] }) {
  const rows = new Set(problems.map((problem) => problem.row)).size;
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  return (
    <div className="import-problems" role="alert">
      <p>
        <strong>Nothing was imported.</strong> {rows === 1 ? '1 row has' : `${rows} rows have`} problems; fix {rows === 1 ? 'it' : 'them'} in the file and import it again.
      </p>
      <div className="table-scroll">
        <table className="table problems-table">
          <caption className="sr-only">Problems in the file</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((problem, index) => (
              <tr key={index}>
                <td className="num">{problem.row}</td>
                <td>{problem.field ? <code>{problem.field}</code> : <span className="hint">the row</span>}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > shown.length && <p className="hint">…and {problems.length - shown.length} more problems not listed.</p>}
    </div>
  );
}
