import type { CannedResponse } from '@parley/shared';

/** The canned responses matching what follows "/", as a listbox the arrow keys move through. */
export function CannedMenu({ matches, active, onPick }: { matches: readonly CannedResponse[]; active: number; onPick(response: CannedResponse): void }) {
  if (matches.length === 0) return <p className="canned-menu empty-line">No canned response starts with that.</p>;
  return (
    <ul className="canned-menu" role="listbox" id="canned-menu" aria-label="Canned responses">
      {matches.map((response, index) => (
        <li
          key={response.id}
          id={`canned-${response.id}`}
          role="option"
          aria-selected={index === active}
          onMouseDown={(event) => {
            // Keep the focus in the message box.
            event.preventDefault();
            onPick(response);
          }}
        >
          <code>/{response.shortcut}</code> {response.text}
        </li>
      ))}
    </ul>
  );
}
