import { useEffect, useState } from 'react';

/**
 * A text field for a list (phrasings one a line, tags with commas): typed freely, read into the list when
 * the field is left, so a half-typed line is not cut while typing.
 */
export function ListField({ label, value, toText, fromText, multiline, placeholder, onCommit }: {
  label: string;
  value: readonly string[];
  toText(list: readonly string[]): string;
  fromText(text: string): string[];
  multiline?: boolean;
  placeholder?: string;
  onCommit(list: string[]): void;
}) {
  const [text, setText] = useState(() => toText(value));
  useEffect(() => setText(toText(value)), [value, toText]);
  const commit = () => {
    const list = fromText(text);
    if (list.join('\n') !== value.join('\n')) onCommit(list);
  };
  return multiline ? (
    <textarea aria-label={label} value={text} rows={Math.min(6, Math.max(2, value.length + 1))} placeholder={placeholder} onChange={(e) => setText(e.target.value)} onBlur={commit} />
  ) : (
    <input aria-label={label} value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
  );
}
