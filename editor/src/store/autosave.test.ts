import type { Flow } from '@parley/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Saved } from '../api/bots';
import type { ApiResult } from '../api/http';
import { testCatalog, testFlow } from '../testing/catalog';
import { startAutosave } from './autosave';
import { createEditorStore } from './editor-store';

/** A draft endpoint with the server's revision rule: a save must build on the current revision. */
function draftEndpoint(startRevision = 1) {
  const calls: { flow: Flow; revision: number }[] = [];
  let current = startRevision;
  return {
    calls,
    /** Someone else saves in another tab. */
    saveElsewhere: () => (current += 1),
    api: {
      async saveDraft(_botId: string, flow: Flow, revision: number): Promise<ApiResult<Saved>> {
        calls.push({ flow, revision });
        if (revision !== current)
          return { ok: false, error: { status: 409, code: 'edited_elsewhere', message: 'This bot was changed in another tab or by someone else; reload to see their changes.', details: { revision: current } } };
        current += 1;
        return { ok: true, value: { revision: current, problems: [] } };
      },
    },
  };
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setUp() {
    const store = createEditorStore();
    store.getState().load({ botId: 'shop', flow: testFlow(), revision: 1, problems: [], catalog: testCatalog });
    const endpoint = draftEndpoint();
    const autosave = startAutosave(store, endpoint.api, 500);
    return { store, endpoint, autosave };
  }

  it('saves a moment after the last change, building on the revision it got back', async () => {
    const { store, endpoint, autosave } = setUp();
    store.getState().updateConfig('thanks', { text: 'A' }, 'text');
    store.getState().updateConfig('thanks', { text: 'AB' }, 'text');
    expect(store.getState().save.kind).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(600);
    expect(endpoint.calls).toHaveLength(1);
    expect(endpoint.calls[0]?.flow.nodes[2]?.data).toEqual({ text: 'AB' });
    expect(store.getState().save.kind).toBe('saved');
    expect(store.getState().revision).toBe(2);

    store.getState().updateConfig('thanks', { text: 'ABC' }, 'text');
    await vi.advanceTimersByTimeAsync(600);
    expect(endpoint.calls[1]?.revision).toBe(2);
    expect(store.getState().revision).toBe(3);
    autosave.stop();
  });

  it('stops on a newer revision saved elsewhere, shows the conflict, and never overwrites it on its own', async () => {
    const { store, endpoint, autosave } = setUp();
    endpoint.saveElsewhere();
    store.getState().updateConfig('thanks', { text: 'Mine' }, 'text');
    await vi.advanceTimersByTimeAsync(600);
    const save = store.getState().save;
    expect(save).toEqual({ kind: 'conflict', message: expect.stringContaining('changed in another tab'), theirRevision: 2 });

    // More edits do not retry over their revision.
    store.getState().updateConfig('thanks', { text: 'Mine again' }, 'text');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(endpoint.calls).toHaveLength(1);
    expect(store.getState().save.kind).toBe('conflict');
    expect(await autosave.flush()).toBe(false);
    autosave.stop();
  });

  it('flush saves at once and reports whether the server has the flow on screen', async () => {
    const { store, endpoint, autosave } = setUp();
    expect(await autosave.flush()).toBe(true);
    expect(endpoint.calls).toHaveLength(0);
    store.getState().addNode('message', { x: 0, y: 0 });
    expect(await autosave.flush()).toBe(true);
    expect(endpoint.calls).toHaveLength(1);
    autosave.stop();
  });

  it('shows a failed save and tries again when the server was unreachable', async () => {
    const store = createEditorStore();
    store.getState().load({ botId: 'shop', flow: testFlow(), revision: 1, problems: [], catalog: testCatalog });
    let offline = true;
    const api = {
      saveDraft: vi.fn(async (): Promise<ApiResult<Saved>> =>
        offline ? { ok: false, error: { status: 0, code: 'offline', message: 'The server cannot be reached.' } } : { ok: true, value: { revision: 2, problems: [] } },
      ),
    };
    const autosave = startAutosave(store, api, 500);
    store.getState().updateConfig('thanks', { text: 'X' });
    await vi.advanceTimersByTimeAsync(600);
    expect(store.getState().save).toEqual({ kind: 'error', message: 'The server cannot be reached.' });
    offline = false;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(api.saveDraft).toHaveBeenCalledTimes(2);
    expect(store.getState().save.kind).toBe('saved');
    autosave.stop();
  });
});
