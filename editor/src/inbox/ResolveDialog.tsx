import type { InboxDetail } from '@parley/shared';
import { type FormEvent, useId, useState } from 'react';
import type { HandBack } from '../api/inbox';
import { Dialog } from '../components/Dialog';

type Choice = 'node' | 'waiting' | 'end';

/** Resolving asks what the bot does next: carry on from a chosen step, from where it waited, or nothing (the end). */
export function ResolveDialog({ resumeNodes, onResolve, onClose }: { resumeNodes: InboxDetail['resumeNodes']; onResolve(handBack: HandBack): void; onClose(): void }) {
  const [choice, setChoice] = useState<Choice>(resumeNodes.length > 0 ? 'node' : 'waiting');
  const [nodeId, setNodeId] = useState(resumeNodes[0]?.id ?? '');
  const stepId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    onResolve(choice === 'node' ? { to: 'node', nodeId } : { to: choice });
    onClose();
  }

  return (
    <Dialog title="Resolve the conversation" onClose={onClose}>
      <form onSubmit={submit}>
        <fieldset className="dialog-body choices">
          <legend>Then the bot…</legend>
          {resumeNodes.length > 0 && (
            <label>
              <input type="radio" name="hand-back" checked={choice === 'node'} onChange={() => setChoice('node')} />
              continues from a step
            </label>
          )}
          {choice === 'node' && (
            <div className="indent">
              <label htmlFor={stepId}>Step</label>
              <select id={stepId} value={nodeId} onChange={(e) => setNodeId(e.target.value)}>
                {resumeNodes.map((node) => (
                  <option key={node.id} value={node.id}>
                    {node.label}
                  </option>
                ))}
              </select>
            </div>
          )}
          <label>
            <input type="radio" name="hand-back" checked={choice === 'waiting'} onChange={() => setChoice('waiting')} />
            continues where it handed over
          </label>
          <label>
            <input type="radio" name="hand-back" checked={choice === 'end'} onChange={() => setChoice('end')} />
            ends the conversation
          </label>
        </fieldset>
        <footer className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Resolve
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
