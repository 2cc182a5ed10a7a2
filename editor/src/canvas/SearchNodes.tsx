import { allStrings } from '@parley/shared';
import { forwardRef, useMemo, useState } from 'react';
import { nodeTitle } from '../flow/summary';
import { useEditor } from '../store/use-editor';

const MAX_RESULTS = 12;

/** Finds steps by any text in them (label, type, messages, button titles, ids) and jumps to the one chosen. */
export const SearchNodes = forwardRef<HTMLInputElement>(function SearchNodes(_props, ref) {
  const nodes = useEditor((s) => s.nodes);
  const catalog = useEditor((s) => s.catalog);
  const focusNode = useEditor((s) => s.focusNode);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const found: { id: string; title: string; match: string }[] = [];
    for (const node of nodes) {
      const entry = catalog.get(node.data.nodeType);
      const texts = [node.id, entry?.title ?? node.data.nodeType, ...allStrings(node.data.config)];
      const match = texts.find((text) => text.toLowerCase().includes(q));
      if (match !== undefined) found.push({ id: node.id, title: nodeTitle(entry, node.data.config, node.data.nodeType), match });
      if (found.length >= MAX_RESULTS) break;
    }
    return found;
  }, [query, nodes, catalog]);

  function choose(index: number) {
    const result = results[index];
    if (!result) return;
    focusNode(result.id);
    setQuery('');
  }

  return (
    <div className="search" role="search">
      <input
        ref={ref}
        type="search"
        aria-label="Find a step"
        placeholder="Find a step…"
        value={query}
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls="search-results"
        aria-activedescendant={results[active] ? `search-${results[active].id}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, results.length - 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter') choose(active);
          else if (e.key === 'Escape') setQuery('');
          else return;
          e.preventDefault();
        }}
      />
      {query.trim() && (
        <ul id="search-results" role="listbox" className="search-results">
          {results.length === 0 && <li className="none">No step contains “{query.trim()}”.</li>}
          {results.map((result, i) => (
            <li key={result.id} id={`search-${result.id}`} role="option" aria-selected={i === active} onMouseDown={(e) => e.preventDefault()} onClick={() => choose(i)}>
              <strong>{result.title}</strong>
              <small>{result.match === result.title ? result.id : result.match}</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
