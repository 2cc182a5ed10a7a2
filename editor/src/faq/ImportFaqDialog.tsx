import { type FormEvent, useState } from 'react';
import type { RowProblem } from '../api/catalog';
import { ImportProblems } from '../catalog/ImportProblems';
import { Alert } from '../components/Alert';
import { Dialog } from '../components/Dialog';
import { faqRowProblemsOf, importFaqCsv } from './api';

/** Imports a CSV file into the FAQ draft, all rows or none; every bad row is listed. */
export function ImportFaqDialog({ botId, revision, onImported, onClose }: { botId: string; revision: number; onImported(summary: string): void; onClose(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [error, setError] = useState('');
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setError('Choose a CSV file.');
    setBusy(true);
    setError('');
    setProblems([]);
    const imported = await importFaqCsv(botId, await file.text(), mode, revision);
    setBusy(false);
    if (imported.ok) return onImported(`Imported: ${imported.value.added} added, ${imported.value.updated} updated. Publish to put them live.`);
    const rows = faqRowProblemsOf(imported.error);
    if (rows.length > 0) setProblems(rows);
    else setError(imported.error.message);
  }

  return (
    <Dialog title="Import FAQ entries (CSV)" onClose={onClose} wide={problems.length > 0}>
      <form className="dialog-body stack" onSubmit={submit}>
        <p>
          A header row names the columns: <code>id,question,alternatives,answer,buttons,imageUrl,tags,language,enabled</code> (question and answer are needed). Lists go in one cell separated by <code>|</code>; a
          button is <code>Title =&gt; payload</code> or <code>Title =&gt; https://link</code>. All rows or none: if any row has a problem, nothing changes.
        </p>
        <label>
          CSV file
          <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <fieldset>
          <legend>Entries already in the FAQ</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Keep them; rows with their id replace them
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace the whole FAQ with the file
          </label>
        </fieldset>
        <Alert>{error}</Alert>
        {problems.length > 0 && <ImportProblems problems={problems} />}
        <footer className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!file || busy} aria-busy={busy || undefined}>
            Import
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
