import { describe, expect, it } from 'vitest';
import { testCatalog, testFlow } from '../testing/catalog';
import { createEditorStore } from './editor-store';

function loaded(flow = testFlow()) {
  let clock = 0;
  const store = createEditorStore(() => clock);
  store.getState().load({ botId: 'shop', flow, revision: 1, problems: [], catalog: testCatalog });
  return { store, tick: (ms: number) => (clock += ms) };
}

describe('editor store: editing and history', () => {
  it('loads a flow with each edge on a named output, and gives the same flow back', () => {
    const { store } = loaded();
    expect(store.getState().edges.find((e) => e.id === 'e1')?.sourceHandle).toBe('next');
    const flow = store.getState().flow();
    expect(flow.nodes.map((n) => n.id)).toEqual(['start', 'ask', 'thanks']);
    expect(flow.nodes[1]?.data).toEqual({ text: 'Skin?', buttons: [{ id: 'dry', title: 'Dry' }, { id: 'oily', title: 'Oily' }] });
  });

  it('adds a node with the fields its schema requires and new output ids, then undoes and redoes it', () => {
    const { store } = loaded();
    const id = store.getState().addNode('buttons', { x: 10, y: 20 });
    expect(id).toBe('buttons-1');
    const added = store.getState().nodes.find((n) => n.id === id);
    expect(added?.data.config).toEqual({ text: '', buttons: [{ id: 'button1', title: 'Button 1' }] });
    expect(added?.selected).toBe(true);
    expect(store.getState().version).toBe(1);

    store.getState().undo();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['start', 'ask', 'thanks']);
    store.getState().redo();
    expect(store.getState().nodes.map((n) => n.id)).toContain('buttons-1');
    store.getState().undo();
    store.getState().addNode('message', { x: 0, y: 0 });
    // A new edit after an undo drops what could have been redone.
    expect(store.getState().history.future).toEqual([]);
  });

  it('refuses a second Start node', () => {
    const { store } = loaded();
    expect(store.getState().addNode('start', { x: 0, y: 0 })).toBeUndefined();
    expect(store.getState().version).toBe(0);
  });

  it('makes one undo step of typing in one field, and separate steps for separate fields or pauses', () => {
    const { store, tick } = loaded();
    const { updateConfig } = store.getState();
    updateConfig('thanks', { text: 'Thanks!' }, 'text');
    tick(200);
    updateConfig('thanks', { text: 'Thanks!!' }, 'text');
    tick(200);
    updateConfig('thanks', { text: 'Thanks!!', typingMs: 500 }, 'typingMs');
    tick(5_000);
    updateConfig('thanks', { text: 'Bye', typingMs: 500 }, 'text');
    const text = () => store.getState().nodes.find((n) => n.id === 'thanks')?.data.config;
    store.getState().undo();
    expect(text()).toEqual({ text: 'Thanks!!', typingMs: 500 });
    store.getState().undo();
    expect(text()).toEqual({ text: 'Thanks!!' });
    store.getState().undo();
    expect(text()).toEqual({ text: 'Thanks' });
    store.getState().redo();
    expect(text()).toEqual({ text: 'Thanks!!' });
  });

  it('connects one output to one step: a second connection from the same output replaces the first', () => {
    const { store } = loaded();
    store.getState().connect({ source: 'ask', sourceHandle: 'dry', target: 'start', targetHandle: null });
    const fromDry = store.getState().edges.filter((e) => e.source === 'ask' && e.sourceHandle === 'dry');
    expect(fromDry).toHaveLength(1);
    expect(fromDry[0]?.target).toBe('start');
    store.getState().undo();
    expect(store.getState().edges.find((e) => e.sourceHandle === 'dry')?.target).toBe('thanks');
  });

  it('keeps a connection when its button id is renamed, and drops it when the button is removed', () => {
    const { store } = loaded();
    store.getState().updateConfig('ask', { text: 'Skin?', buttons: [{ id: 'dryskin', title: 'Dry' }, { id: 'oily', title: 'Oily' }] });
    expect(store.getState().edges.find((e) => e.id === 'e2')?.sourceHandle).toBe('dryskin');
    store.getState().updateConfig('ask', { text: 'Skin?', buttons: [{ id: 'oily', title: 'Oily' }] });
    expect(store.getState().edges.find((e) => e.id === 'e2')).toBeUndefined();
    store.getState().undo();
    expect(store.getState().edges.find((e) => e.id === 'e2')?.sourceHandle).toBe('dryskin');
  });

  it('deletes the selection with its connections in one undo step', () => {
    const { store } = loaded();
    store.getState().select(['ask']);
    store.getState().deleteSelection();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['start', 'thanks']);
    expect(store.getState().edges).toEqual([]);
    store.getState().undo();
    expect(store.getState().edges.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('records a drag as one undo step however many moves it takes', () => {
    const { store } = loaded();
    store.getState().beginDrag();
    for (let x = 1; x <= 5; x++) store.getState().onNodesChange([{ type: 'position', id: 'thanks', position: { x: 600 + x, y: 0 }, dragging: true }]);
    store.getState().onNodesChange([{ type: 'position', id: 'thanks', position: { x: 700, y: 0 }, dragging: false }]);
    store.getState().endDrag();
    expect(store.getState().flow().nodes[2]?.position).toEqual({ x: 700, y: 0 });
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().flow().nodes[2]?.position).toEqual({ x: 600, y: 0 });
  });

  it('does not count selecting or measuring as an edit', () => {
    const { store } = loaded();
    store.getState().onNodesChange([{ type: 'select', id: 'ask', selected: true }]);
    store.getState().onNodesChange([{ type: 'dimensions', id: 'ask', dimensions: { width: 200, height: 80 } }]);
    expect(store.getState().version).toBe(0);
    expect(store.getState().history.past).toEqual([]);
  });
});

describe('editor store: copy and paste', () => {
  it('copies nodes with the connections between them and pastes them into another bot', () => {
    const source = loaded().store;
    source.getState().select(['ask', 'thanks']);
    const text = source.getState().copy();
    expect(text).toBeDefined();

    const other = loaded(testFlow({ nodes: [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} }, { id: 'thanks', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hi' } }], edges: [{ id: 'e2', source: 'start', target: 'thanks' }] })).store;
    expect(other.getState().paste(text ?? '', { x: 1000, y: 500 })).toBe(true);
    const flow = other.getState().flow();
    // "ask" is free there; "thanks" is taken, so the pasted one gets a new id, and so does edge e2.
    expect(flow.nodes.map((n) => n.id)).toEqual(['start', 'thanks', 'ask', 'message-1']);
    expect(flow.nodes[2]?.position).toEqual({ x: 1000, y: 500 });
    expect(flow.nodes[3]?.position).toEqual({ x: 1300, y: 500 });
    const pastedEdge = flow.edges.find((e) => e.source === 'ask');
    expect(pastedEdge).toMatchObject({ sourceHandle: 'dry', target: 'message-1' });
    expect(pastedEdge?.id).not.toBe('e2');
    expect(other.getState().nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['ask', 'message-1']);
    other.getState().undo();
    expect(other.getState().flow().nodes.map((n) => n.id)).toEqual(['start', 'thanks']);
  });

  it('leaves out a second Start and ignores text that is not copied nodes', () => {
    const { store } = loaded();
    store.getState().selectAll();
    const text = store.getState().copy() ?? '';
    store.getState().paste(text, { x: 0, y: 400 });
    const starts = store.getState().flow().nodes.filter((n) => n.type === 'start');
    expect(starts).toHaveLength(1);
    expect(store.getState().nodes).toHaveLength(5);
    expect(store.getState().paste('hello', { x: 0, y: 0 })).toBe(false);
    expect(store.getState().paste('{"kind":"other"}', { x: 0, y: 0 })).toBe(false);
  });

  it('cuts: copies, then deletes', () => {
    const { store } = loaded();
    store.getState().select(['thanks']);
    const text = store.getState().cut();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['start', 'ask']);
    expect(store.getState().paste(text ?? '', { x: 5, y: 5 })).toBe(true);
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['start', 'ask', 'thanks']);
  });
});

describe('editor store: test runs and problems', () => {
  it('marks the path a test conversation took and the node it waits at', () => {
    const { store } = loaded();
    store.getState().setRun(['start', 'ask'], 'ask');
    expect([...store.getState().run.pathEdgeIds]).toEqual(['e1']);
    expect(store.getState().run.activeNodeId).toBe('ask');
  });

  it("drops a field's problem as soon as the field is edited, keeping the others", () => {
    const { store } = loaded();
    store.getState().setProblems(
      [
        { severity: 'error', code: 'invalid-node-data', message: 'Too small', nodeId: 'ask', field: 'text' },
        { severity: 'warning', code: 'unreachable-node', message: 'Never reached', nodeId: 'ask' },
      ],
      0,
    );
    store.getState().updateConfig('ask', { text: 'Skin type?', buttons: [{ id: 'dry', title: 'Dry' }, { id: 'oily', title: 'Oily' }] }, 'text');
    expect(store.getState().problems.map((p) => p.code)).toEqual(['unreachable-node']);
    expect(store.getState().nodeProblems.get('ask')).toBe('warning');
  });

  it('keeps only problems about the version on screen', () => {
    const { store } = loaded();
    store.getState().setProblems([{ severity: 'error', code: 'x', message: 'm', nodeId: 'ask' }], 0);
    expect(store.getState().nodeProblems.get('ask')).toBe('error');
    store.getState().updateConfig('ask', { text: 'Changed', buttons: [{ id: 'dry', title: 'Dry' }] });
    store.getState().setProblems([], 0);
    expect(store.getState().nodeProblems.get('ask')).toBe('error');
  });
});
