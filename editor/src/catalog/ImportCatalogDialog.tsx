import { type FormEvent, useState } from 'react';
import { type RowProblem, importProductFile, rowProblemsOf } from '../api/catalog';
import { Alert } from '../components/Alert';
import { Dialog } from '../components/Dialog';
import { ImportProblems } from './ImportProblems';

/** The media type the server reads the file as: by its name, else by what the browser says it is. */
export function fileKind(file: { name: string; type: string }): 'text/csv' | 'application/json' | undefined {
  if (/\.csv$/i.test(file.name) || /csv/i.test(file.type)) return 'text/csv';
  if (/\.json$/i.test(file.name) || /json/i.test(file.type)) return 'application/json';
  return undefined;
}

/** Replaces the whole catalog with a CSV or JSON file; a file with any problem imports nothing and lists them all. */
export function ImportCatalogDialog({ botId, onImported, onClose }: { botId: string; onImported(count: number): void; onClose(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setError('Choose a CSV or JSON file.');
    const kind = fileKind(file);
    if (!kind) return setError(`${file.name} is neither CSV nor JSON: export your spreadsheet as CSV (.csv), or give a .json file.`);
    setBusy(true);
    setError('');
    setProblems([]);
    const imported = await importProductFile(botId, await file.text(), kind);
    setBusy(false);
    if (imported.ok) return onImported(imported.value.imported);
    const rows = rowProblemsOf(imported.error);
    if (rows.length > 0) setProblems(rows);
    else setError(imported.error.message);
  }

  return (
    <Dialog title="Import a catalog file" onClose={onClose} wide={problems.length > 0}>
      <form className="dialog-body stack" onSubmit={submit}>
        <p>
          The file replaces the whole catalog, all or nothing: if any row has a problem, nothing changes and every problem is listed. CSV has a header row (<code>sku,title,price,currency,stock,…</code>; a variant names its product in{' '}
          <code>variantOf</code> with its values in <code>option.&lt;Name&gt;</code> columns); JSON is a list of products.
        </p>
        <label>
          Catalog file
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setProblems([]);
              setError('');
            }}
          />
        </label>
        <Alert>{error}</Alert>
        {problems.length > 0 && <ImportProblems problems={problems} />}
        <footer className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!file || busy} aria-busy={busy || undefined}>
            Replace the catalog
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
