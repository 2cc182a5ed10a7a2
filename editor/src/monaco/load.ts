/**
 * Monaco is big: it is loaded the first time a code or JSON field is opened, as its own chunk
 * (with its workers), never in the editor's first load.
 */
type Monaco = typeof import('./monaco-lean');

let loading: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loading ??= (async () => {
    const [monaco, editorWorker, jsonWorker] = await Promise.all([
      import('./monaco-lean'),
      import('monaco-editor/editor/editor.worker?worker'),
      import('monaco-editor/language/json/json.worker?worker'),
    ]);
    self.MonacoEnvironment = {
      getWorker: (_id: string, label: string) => (label === 'json' ? new jsonWorker.default() : new editorWorker.default()),
    };
    return monaco;
  })();
  return loading;
}
