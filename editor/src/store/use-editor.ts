import { useStore } from 'zustand';
import { type EditorActions, type EditorState, createEditorStore } from './editor-store';

/** The editor's one store; components read it through selectors so each re-renders only for its slice. */
export const editorStore = createEditorStore();

export function useEditor<T>(selector: (state: EditorState & EditorActions) => T): T {
  return useStore(editorStore, selector);
}
