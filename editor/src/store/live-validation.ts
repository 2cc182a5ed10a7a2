import type { Flow } from '@parley/shared';
import type { Problem } from '../api/bots';
import type { ApiResult } from '../api/http';
import type { EditorStore } from './editor-store';

export interface ValidateApi {
  validate(flow: Flow): Promise<ApiResult<{ problems: Problem[] }>>;
}

/**
 * Checks the flow on screen a moment after each change with the server's `validateFlow` (the one
 * that knows every node type, custom ones included), so problems show while editing.
 */
export function startLiveValidation(store: EditorStore, api: ValidateApi, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seenVersion = store.getState().version;
  const unsubscribe = store.subscribe((state) => {
    if (state.version === seenVersion) return;
    seenVersion = state.version;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const current = store.getState();
      const version = current.version;
      const answer = await api.validate(current.flow());
      if (answer.ok) store.getState().setProblems(answer.value.problems, version);
    }, delayMs);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
