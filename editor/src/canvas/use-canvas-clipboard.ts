import { useEffect } from 'react';
import { editorStore } from '../store/use-editor';
import { isEditableTarget } from './editable';

/**
 * Copy, cut and paste of nodes through the system clipboard (as JSON text), so nodes move between
 * bots and tabs. Browser clipboard events need no permission prompt.
 */
export function useCanvasClipboard(pasteAt: () => { x: number; y: number }): void {
  useEffect(() => {
    function onCopy(event: ClipboardEvent, cut: boolean) {
      if (isEditableTarget(event.target) || !event.clipboardData) return;
      const text = cut ? editorStore.getState().cut() : editorStore.getState().copy();
      if (!text) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    }
    const copy = (event: ClipboardEvent) => onCopy(event, false);
    const cut = (event: ClipboardEvent) => onCopy(event, true);
    function paste(event: ClipboardEvent) {
      if (isEditableTarget(event.target)) return;
      const text = event.clipboardData?.getData('text/plain');
      if (text && editorStore.getState().paste(text, pasteAt())) event.preventDefault();
    }
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', paste);
    return () => {
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', paste);
    };
  }, [pasteAt]);
}
