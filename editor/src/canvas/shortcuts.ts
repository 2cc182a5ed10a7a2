import { useEffect, useRef } from 'react';
import { isEditableTarget } from './editable';

export interface Shortcut {
  /** As shown to the user: "Ctrl+Z". `Mod` is Ctrl, or ⌘ on a Mac. */
  keys: string;
  does: string;
  matches(event: KeyboardEvent): boolean;
  run(): void;
}

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey;

export interface ShortcutActions {
  undo(): void;
  redo(): void;
  deleteSelection(): void;
  selectAll(): void;
  deselect(): void;
  duplicate(): void;
  search(): void;
  save(): void;
  fit(): void;
  layout(): void;
  help(): void;
}

/** The editor's keyboard shortcuts, one list: the handler and the help dialog both read it. */
export function shortcutList(a: ShortcutActions): Shortcut[] {
  return [
    { keys: 'Mod+Z', does: 'Undo', matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z', run: a.undo },
    { keys: 'Mod+Shift+Z or Mod+Y', does: 'Redo', matches: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'), run: a.redo },
    { keys: 'Delete or Backspace', does: 'Delete the selected steps and connections', matches: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace'), run: a.deleteSelection },
    { keys: 'Mod+A', does: 'Select every step', matches: (e) => mod(e) && e.key.toLowerCase() === 'a', run: a.selectAll },
    { keys: 'Escape', does: 'Clear the selection', matches: (e) => e.key === 'Escape', run: a.deselect },
    { keys: 'Mod+D', does: 'Duplicate the selected steps', matches: (e) => mod(e) && e.key.toLowerCase() === 'd', run: a.duplicate },
    { keys: 'Mod+C, Mod+X, Mod+V', does: 'Copy, cut and paste steps (also into another bot)', matches: () => false, run: () => undefined },
    { keys: 'Mod+F', does: 'Find a step by its text', matches: (e) => mod(e) && e.key.toLowerCase() === 'f', run: a.search },
    { keys: 'Mod+S', does: 'Save now', matches: (e) => mod(e) && e.key.toLowerCase() === 's', run: a.save },
    { keys: 'F', does: 'Zoom to fit the whole flow', matches: (e) => plain(e) && e.key.toLowerCase() === 'f', run: a.fit },
    { keys: 'Shift+L', does: 'Arrange the steps automatically', matches: (e) => plain(e) && e.shiftKey && e.key.toLowerCase() === 'l', run: a.layout },
    { keys: 'Shift+Drag', does: 'Select several steps with a box', matches: () => false, run: () => undefined },
    { keys: 'Arrow keys', does: 'Move the focused step', matches: () => false, run: () => undefined },
    { keys: '?', does: 'Show these shortcuts', matches: (e) => e.key === '?', run: a.help },
  ];
}

export function useShortcuts(actions: ShortcutActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      // Saving works while typing too; every other shortcut leaves text fields alone.
      if (mod(event) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        return latest.current.save();
      }
      if (isEditableTarget(event.target)) return;
      const shortcut = shortcutList(latest.current).find((s) => s.matches(event));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
