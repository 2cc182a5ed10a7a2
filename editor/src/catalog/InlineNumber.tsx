import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const show = (value: number | null) => (value === null ? '' : String(value));

/**
 * A number edited in its table cell: saved on Enter or when focus leaves, put back on Escape.
 * `save` answers an error message, shown under the input, or null once saved.
 */
export function InlineNumber({
  label,
  value,
  whole,
  emptyMeans,
  save,
}: {
  label: string;
  value: number | null;
  /** Whole numbers only (stock). */
  whole?: boolean;
  /** What an empty input means, when it may be empty (stock: "not tracked"). */
  emptyMeans?: string;
  save(next: number | null): Promise<string | null>;
}) {
  const [text, setText] = useState(show(value));
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const inFlight = useRef(false);
  // What the server has: the value given, or the one just saved (before the table hands it back).
  const saved = useRef(value);
  const errorId = useId();
  useEffect(() => {
    saved.current = value;
    setText(show(value));
  }, [value]);

  async function commit() {
    // Enter then leaving the cell is one save.
    if (inFlight.current) return;
    const trimmed = text.trim();
    if (trimmed === show(saved.current)) return setError('');
    if (trimmed === '' && emptyMeans === undefined) return setError('Give a number.');
    if (trimmed !== '' && (!NUMBER.test(trimmed) || Number(trimmed) < 0 || (whole && !Number.isInteger(Number(trimmed)))))
      return setError(whole ? `A whole number${emptyMeans ? `, or empty for ${emptyMeans}` : ''}.` : 'A number such as 12.50.');
    const next = trimmed === '' ? null : Number(trimmed);
    inFlight.current = true;
    setSaving(true);
    const problem = await save(next);
    inFlight.current = false;
    setSaving(false);
    setError(problem ?? '');
    if (problem !== null) return;
    saved.current = next;
    setText(show(next));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit();
    } else if (event.key === 'Escape') {
      setText(show(saved.current));
      setError('');
    }
  }

  return (
    <div className="inline-number">
      <input
        type="text"
        inputMode={whole ? 'numeric' : 'decimal'}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        aria-busy={saving || undefined}
        placeholder={emptyMeans ? '∞' : undefined}
        title={emptyMeans ? `Empty: ${emptyMeans}` : undefined}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={onKeyDown}
      />
      {error && (
        <span id={errorId} className="cell-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
