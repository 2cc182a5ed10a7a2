import { useState } from 'react';
import { Field } from '../catalog/Field';
import { useInbox } from './use-inbox';

/** Outside the channel's reply window free text cannot go out: say why, and offer the approved templates. */
export function TemplatePicker({ reason, templates }: { reason: string; templates: readonly { name: string; language: string | null }[] }) {
  const reply = useInbox((s) => s.reply);
  const busy = useInbox((s) => s.busy);
  const [chosen, setChosen] = useState(0);
  const template = templates[chosen];
  return (
    <div className="window-closed">
      <p role="status" className="alert info">
        <strong>You cannot write freely now:</strong> {reason}
      </p>
      {templates.length === 0 ? (
        <p className="hint">No message template is approved for this channel; add a note, or wait for the customer to write again.</p>
      ) : (
        <div className="inline-form">
          <Field label="Template">
            {(props) => (
              <select {...props} value={chosen} onChange={(e) => setChosen(Number(e.target.value))}>
                {templates.map((entry, index) => (
                  <option key={`${entry.name}-${entry.language ?? ''}`} value={index}>
                    {entry.name}
                    {entry.language ? ` (${entry.language})` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" className="primary" disabled={busy || !template} onClick={() => template && void reply({ template })}>
            Send the template
          </button>
        </div>
      )}
    </div>
  );
}
