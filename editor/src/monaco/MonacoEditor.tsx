import { useEffect, useRef, useState } from 'react';
import { loadMonaco } from './load';

export interface MonacoProps {
  value: string;
  language: 'json' | 'plaintext';
  onChange(value: string): void;
  ariaLabel: string;
  height?: number | string;
  /** A JSON Schema the text is checked and completed against (JSON only). */
  schema?: { uri: string; schema: unknown };
}

let models = 0;

/** A Monaco editor, loaded on first use. The text is owned by the editor while it is mounted. */
export function MonacoEditor({ value, language, onChange, ariaLabel, height = 220, schema }: MonacoProps) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef({ onChange, value });
  latest.current = { onChange, value };
  const [failed, setFailed] = useState('');
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let dispose = () => undefined as void;
    loadMonaco().then(
      (monaco) => {
        if (disposed || !host.current) return;
        const uri = monaco.Uri.parse(`parley://model/${++models}.${language === 'json' ? 'json' : 'txt'}`);
        if (schema && language === 'json') {
          const others = monaco.jsonDefaults.diagnosticsOptions.schemas ?? [];
          monaco.jsonDefaults.setDiagnosticsOptions({
            validate: true,
            enableSchemaRequest: false,
            schemas: [...others.filter((s) => s.uri !== schema.uri), { uri: schema.uri, fileMatch: [uri.toString()], schema: schema.schema }],
          });
        }
        const model = monaco.editor.createModel(latest.current.value, language, uri);
        const editor = monaco.editor.create(host.current, {
          model,
          ariaLabel,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 13,
          tabSize: 2,
          wordWrap: 'on',
        });
        const subscription = model.onDidChangeContent(() => latest.current.onChange(model.getValue()));
        setReady(true);
        dispose = () => {
          subscription.dispose();
          editor.dispose();
          model.dispose();
        };
      },
      (error: unknown) => setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      disposed = true;
      dispose();
    };
    // The editor is created once; later `value` changes come from it.
  }, [language, ariaLabel, schema]);

  if (failed) return <p role="alert">The code editor could not load ({failed}).</p>;
  return (
    <div className="monaco" style={{ height }} aria-busy={!ready}>
      {!ready && <p className="hint">Loading the code editor…</p>}
      <div ref={host} className="monaco-host" data-testid="monaco" />
    </div>
  );
}
