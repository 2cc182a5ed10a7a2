// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../flow/schema';
import { testCatalog } from '../testing/catalog';
import { SchemaForm } from './SchemaForm';
import { type FormContext, FormContextValue, emptyFormContext } from './form-context';

afterEach(cleanup);

/** A node's form as the inspector shows it, keeping the config it edits, and every change it reported. */
function renderForm(type: string, initial: JsonObject, context: Partial<FormContext> = {}) {
  const entry = testCatalog.get(type);
  if (!entry) throw new Error(`no test type ${type}`);
  const changes: { config: JsonObject; path: string }[] = [];
  function Harness() {
    const [config, setConfig] = useState(initial);
    return (
      <FormContextValue.Provider value={{ ...emptyFormContext, ...context }}>
        <SchemaForm
          schema={entry?.schema ?? {}}
          value={config}
          onChange={(next, path) => {
            changes.push({ config: next, path });
            setConfig(next);
          }}
        />
      </FormContextValue.Provider>
    );
  }
  render(<Harness />);
  return { changes, last: () => changes[changes.length - 1] };
}

describe('forms generated from a node type schema', () => {
  it('shows each field with its hint label, help, widget and default', () => {
    renderForm('buttons', { text: 'Skin?', buttons: [{ id: 'dry', title: 'Dry' }] });
    expect(screen.getByLabelText('Question')).toHaveProperty('value', 'Skin?');
    expect(screen.getByLabelText('Question').getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText('Save the choice in').getAttribute('aria-required')).toBeNull();
    // Defaults show until set: a checkbox checked, an enum as a select.
    expect(screen.getByLabelText('Repeat the buttons')).toHaveProperty('checked', true);
    const select = screen.getByLabelText('Matching');
    expect(select.tagName).toBe('SELECT');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['strict', 'loose']);
    expect(screen.getByRole('group', { name: /Buttons/ })).toBeTruthy();
  });

  it('reports the new config and the field edited; an optional field left empty is removed', async () => {
    const user = userEvent.setup();
    const { changes, last } = renderForm('buttons', { text: 'Skin?', buttons: [{ id: 'dry', title: 'Dry' }], saveAs: 'skin' });
    await user.type(screen.getByLabelText('Question'), '!');
    expect(last()).toEqual({ config: { text: 'Skin?!', buttons: [{ id: 'dry', title: 'Dry' }], saveAs: 'skin' }, path: 'text' });
    await user.clear(screen.getByLabelText('Save the choice in'));
    expect(last()?.config).not.toHaveProperty('saveAs');
    expect(last()?.path).toBe('saveAs');
    await user.selectOptions(screen.getByLabelText('Matching'), 'loose');
    expect(last()).toMatchObject({ config: { mode: 'loose' }, path: 'mode' });
    await user.click(screen.getByLabelText('Repeat the buttons'));
    expect(last()).toMatchObject({ config: { repeat: false }, path: 'repeat' });
    expect(changes.every((change) => change.path !== '')).toBe(true);
  });

  it('adds list items with fresh output ids and readable titles, reorders and removes them', async () => {
    const user = userEvent.setup();
    const { last } = renderForm('buttons', { text: 'Skin?', buttons: [{ id: 'button1', title: 'Dry' }] });
    // A list at its minimum cannot lose its last item.
    expect(screen.getByRole('button', { name: 'Remove Dry' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: '+ Add button' }));
    expect(last()?.config.buttons).toEqual([{ id: 'button1', title: 'Dry' }, { id: 'button2', title: 'Button 2' }]);
    await user.click(screen.getByRole('button', { name: 'Move Button 2 up' }));
    expect(last()?.config.buttons).toEqual([{ id: 'button2', title: 'Button 2' }, { id: 'button1', title: 'Dry' }]);
    expect(last()?.path).toBe('buttons');
    const second = screen.getAllByLabelText('Title')[1];
    if (!second) throw new Error('no second title');
    await user.type(second, '!');
    expect(last()).toMatchObject({ config: { buttons: [{ id: 'button2' }, { id: 'button1', title: 'Dry!' }] }, path: 'buttons.1.title' });
    await user.click(screen.getByRole('button', { name: 'Remove Button 2' }));
    expect(last()?.config.buttons).toEqual([{ id: 'button1', title: 'Dry!' }]);
  });

  it('offers variables after {{ and inserts the one chosen', async () => {
    const user = userEvent.setup();
    const variables = [
      { name: 'skin', source: 'Skin question' },
      { name: 'contact.id', source: 'system' },
    ];
    const { last } = renderForm('message', { text: '' }, { variables });
    const text = screen.getByLabelText('Text');
    await user.type(text, 'Hello {{{{sk');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['skinSkin question']);
    await user.keyboard('{Enter}');
    expect(last()?.config.text).toBe('Hello {{skin}}');
    expect(screen.queryAllByRole('option')).toEqual([]);
  });

  it('switches a field between the shapes of a union and fills pickers from the flow', async () => {
    const user = userEvent.setup();
    const nodes = [
      { id: 'start', title: 'Start' },
      { id: 'menu', title: 'Main menu' },
    ];
    const bots = [{ id: 'other-bot', name: 'Other bot' }];
    const { last } = renderForm('jump', { target: { kind: 'node', nodeId: 'menu' } }, { nodes, bots });
    const step = screen.getByLabelText('Step');
    expect(step).toHaveProperty('value', 'menu');
    expect(within(step).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a step…', 'Start (start)', 'Main menu (menu)']);
    await user.selectOptions(screen.getByLabelText('Go to'), 'flow');
    expect(last()?.config.target).toEqual({ kind: 'flow', flowId: '' });
    await user.selectOptions(screen.getByLabelText('Bot'), 'other-bot');
    expect(last()?.config.target).toEqual({ kind: 'flow', flowId: 'other-bot' });
  });

  it('keeps raw JSON fields closed (no code editor loaded) until asked, showing their value', () => {
    renderForm('jump', { target: { kind: 'node', nodeId: 'a' }, headers: { 'X-Shop': 'one' } });
    expect(screen.getByText(/"X-Shop": "one"/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit' }).getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelector('.monaco')).toBeNull();
  });

  it("shows a field's problem under it, read out as an alert", () => {
    renderForm('buttons', { text: '', buttons: [{ id: 'b', title: '' }] }, { problems: new Map([['buttons.0.title', 'every button needs a title']]) });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('every button needs a title');
    const title = screen.getByLabelText('Title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.getAttribute('aria-describedby')).toContain(alert.id);
  });
});
