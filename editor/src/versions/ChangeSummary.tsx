import type { Flow } from '@parley/shared';
import { type FlowChanges, diffFlows, hasChanges } from '../flow/diff';

/** Names listed per kind of change; a long list says how many more. */
const SHOWN = 8;

const nameIn = (flow: Flow, id: string) => {
  const node = flow.nodes.find((n) => n.id === id);
  const label = node?.data.label;
  return typeof label === 'string' && label ? `${label} (${id})` : id;
};

function Names({ title, ids, flow, tone }: { title: string; ids: string[]; flow: Flow; tone: string }) {
  if (ids.length === 0) return null;
  return (
    <li className={tone}>
      <strong>{title}:</strong> {ids.slice(0, SHOWN).map((id) => nameIn(flow, id)).join(', ')}
      {ids.length > SHOWN && ` and ${ids.length - SHOWN} more`}
    </li>
  );
}

/** What changed between two flows, in words: steps added, removed, edited, and connections. */
export function ChangeSummary({ before, after }: { before: Flow; after: Flow }) {
  const changes: FlowChanges = diffFlows(before, after);
  if (!hasChanges(changes)) return <p className="hint">No changes to steps or connections.</p>;
  const { added, removed } = changes.connections;
  return (
    <ul className="changes">
      <Names title={`${changes.added.length} added`} ids={changes.added} flow={after} tone="added" />
      <Names title={`${changes.removed.length} removed`} ids={changes.removed} flow={before} tone="removed" />
      <Names title={`${changes.edited.length} edited`} ids={changes.edited} flow={after} tone="edited" />
      {added + removed > 0 && (
        <li>
          <strong>Connections:</strong> {added} drawn, {removed} removed
        </li>
      )}
      {changes.settings && <li>Variables or settings changed</li>}
    </ul>
  );
}
