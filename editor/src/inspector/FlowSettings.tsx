import { useState } from 'react';
import { type JsonValue, toJson } from '../flow/schema';
import { useEditor } from '../store/use-editor';

/** A declared variable's default, typed as JSON when it reads as JSON (42, true, ["a"]), else as text. */
function readDefault(text: string): JsonValue | undefined {
  if (text === '') return undefined;
  try {
    return toJson(JSON.parse(text));
  } catch {
    return text;
  }
}
const showDefault = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** With nothing selected: the flow's variables and settings. */
export function FlowSettings() {
  const meta = useEditor((s) => s.meta);
  const updateMeta = useEditor((s) => s.updateMeta);
  const empty = useEditor((s) => s.nodes.length <= 1);
  const [newName, setNewName] = useState('');
  const variables = meta.variables;
  const setVariable = (index: number, change: Partial<(typeof variables)[number]>, key: string) =>
    updateMeta({ ...meta, variables: variables.map((v, i) => (i === index ? { ...v, ...change } : v)) }, `var.${index}.${key}`);

  return (
    <section className="inspector" aria-label="Flow settings">
      <header className="inspector-head">
        <h2>Flow</h2>
        <p className="hint">
          {empty
            ? 'Drag a step from the left onto the canvas, then connect the Start output to it.'
            : 'Select a step to edit it. Shift-drag to select several; Ctrl+C / Ctrl+V copies them, also into another bot.'}
        </p>
      </header>
      <fieldset className="group">
        <legend>Variables</legend>
        <p className="help">Declare a variable to give it a starting value, or to use one that only your systems set.</p>
        {variables.length === 0 && <p className="hint">No declared variables.</p>}
        <ul className="variables">
          {variables.map((variable, i) => (
            <li key={i} className="variable-row">
              <input aria-label="Variable name" value={variable.name} onChange={(e) => setVariable(i, { name: e.target.value }, 'name')} />
              <input aria-label={`Starting value of ${variable.name}`} placeholder="starting value" value={showDefault(variable.default)} onChange={(e) => setVariable(i, { default: readDefault(e.target.value) }, 'default')} />
              <button type="button" className="icon danger" aria-label={`Remove ${variable.name}`} onClick={() => updateMeta({ ...meta, variables: variables.filter((_, j) => j !== i) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!newName.trim()) return;
            updateMeta({ ...meta, variables: [...variables, { name: newName.trim() }] });
            setNewName('');
          }}
        >
          <input aria-label="New variable name" placeholder="country" value={newName} onChange={(e) => setNewName(e.target.value)} />
          <button type="submit">+ Add variable</button>
        </form>
      </fieldset>
      <fieldset className="group">
        <legend>Settings</legend>
        <div className="field">
          <label htmlFor="flow-locale">Language of the bot's texts</label>
          <input id="flow-locale" value={meta.settings.locale} onChange={(e) => updateMeta({ ...meta, settings: { ...meta.settings, locale: e.target.value } }, 'locale')} placeholder="en" />
        </div>
        <div className="field">
          <label htmlFor="flow-timezone">Time zone</label>
          <input id="flow-timezone" value={meta.settings.timezone} onChange={(e) => updateMeta({ ...meta, settings: { ...meta.settings, timezone: e.target.value } }, 'timezone')} placeholder="Europe/Paris" />
          <p className="help">For dates and business hours when a step names none.</p>
        </div>
        <div className="field">
          <label htmlFor="flow-steps">Most steps per message</label>
          <input
            id="flow-steps"
            type="number"
            min={10}
            max={10000}
            value={meta.settings.maxStepsPerTurn}
            onChange={(e) => Number.isFinite(Number(e.target.value)) && updateMeta({ ...meta, settings: { ...meta.settings, maxStepsPerTurn: Number(e.target.value) } }, 'steps')}
          />
          <p className="help">A turn that runs more steps is stopped as a loop.</p>
        </div>
      </fieldset>
    </section>
  );
}
