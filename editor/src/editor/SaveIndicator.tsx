import { useEditor } from '../store/use-editor';

/** Saved, saving, or why not: always visible, read out when it changes. */
export function SaveIndicator() {
  const save = useEditor((s) => s.save);
  const text =
    save.kind === 'saved' ? 'All changes saved' : save.kind === 'saving' ? 'Saving…' : save.kind === 'unsaved' ? 'Unsaved changes' : save.kind === 'conflict' ? 'Not saved: edited elsewhere' : `Not saved: ${save.message}`;
  return (
    <span className={`save-state ${save.kind}`} role="status" aria-live="polite" data-testid="save-state">
      {text}
    </span>
  );
}
