import type { Flow } from '@parley/shared';
import { z } from 'zod';
import type { Saved } from '../api/bots';
import type { ApiResult } from '../api/http';
import type { EditorStore } from './editor-store';

export interface SaveApi {
  saveDraft(botId: string, flow: Flow, revision: number): Promise<ApiResult<Saved>>;
}

export interface Autosave {
  /** Saves now if anything is unsaved; true once the draft on the server is the flow on screen. */
  flush(): Promise<boolean>;
  stop(): void;
}

const conflictDetails = z.object({ revision: z.number() });
/** A save that failed for a reason that may pass (offline, store busy) is retried after this long. */
const RETRY_MS = 5_000;

/**
 * Saves the draft a moment after each change, building on the revision it loaded. A refused save
 * (someone saved a newer revision) puts the store in conflict and stops: the user chooses,
 * nothing is overwritten silently.
 */
export function startAutosave(store: EditorStore, api: SaveApi, delayMs = 800): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<boolean> | undefined;
  let stopped = false;

  const pending = () => {
    const state = store.getState();
    return state.botId !== null && state.version !== state.savedVersion && state.save.kind !== 'conflict';
  };

  async function saveOnce(): Promise<boolean> {
    const state = store.getState();
    const { botId, version, revision } = state;
    if (botId === null || state.save.kind === 'conflict') return false;
    if (version === state.savedVersion) return true;
    state.setSave({ kind: 'saving' });
    const answer = await api.saveDraft(botId, state.flow(), revision);
    const now = store.getState();
    if (now.botId !== botId) return false;
    if (answer.ok) {
      now.saved(answer.value.revision, version, answer.value.problems);
      return store.getState().version === version;
    }
    const { error } = answer;
    if (error.status === 409 && error.code === 'edited_elsewhere') {
      const details = conflictDetails.safeParse(error.details);
      now.setSave({ kind: 'conflict', message: error.message, theirRevision: details.success ? details.data.revision : revision });
      return false;
    }
    now.setSave({ kind: 'error', message: error.message });
    if (error.status === 0 || error.status >= 500) schedule(RETRY_MS);
    return false;
  }

  function run(): Promise<boolean> {
    if (running) return running.then(() => (pending() ? run() : store.getState().version === store.getState().savedVersion));
    running = saveOnce().finally(() => {
      running = undefined;
      if (pending() && store.getState().save.kind !== 'error') schedule(delayMs);
    });
    return running;
  }

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
  }

  let seenVersion = store.getState().version;
  const unsubscribe = store.subscribe((state) => {
    if (state.version === seenVersion) return;
    seenVersion = state.version;
    if (pending()) schedule(delayMs);
  });

  return {
    flush() {
      clearTimeout(timer);
      return run();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
