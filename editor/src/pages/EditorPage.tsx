import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import * as api from '../api/bots';
import { Canvas } from '../canvas/Canvas';
import { loadIntoEditor } from '../canvas/geometry';
import { Palette } from '../canvas/Palette';
import { shortcutList, useShortcuts } from '../canvas/shortcuts';
import { Alert } from '../components/Alert';
import { ConflictBanner } from '../editor/ConflictBanner';
import { EditorBar } from '../editor/EditorBar';
import { ImportDialog } from '../editor/ImportDialog';
import { ShortcutsDialog } from '../editor/ShortcutsDialog';
import { SidePanel, type SideTab } from '../editor/SidePanel';
import { FlowJsonDialog } from '../editor/FlowJsonDialog';
import { PublishDialog } from '../versions/PublishDialog';
import { loadCatalog } from '../flow/catalog-cache';
import { autoLayout } from '../flow/layout';
import { downloadFlow } from './bots/bot-files';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { type Autosave, startAutosave } from '../store/autosave';
import { startLiveValidation } from '../store/live-validation';
import { editorStore } from '../store/use-editor';

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; bot: api.Bot };
type Dialog = 'json' | 'import' | 'publish' | 'help' | null;

/** Loads the bot's draft into the store and keeps it saved and checked while it is open. */
function useDraft(botId: string): [Loaded, React.RefObject<Autosave | null>, (bot: api.Bot) => void] {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const autosave = useRef<Autosave | null>(null);
  useEffect(() => {
    let cancelled = false;
    let stopValidation: (() => void) | undefined;
    void (async () => {
      const [catalog, bot, draft] = await Promise.all([loadCatalog(), api.getBot(botId), api.getDraft(botId)]);
      if (cancelled) return;
      if (!catalog.ok) return setLoaded({ kind: 'failed', message: catalog.message });
      if (!bot.ok) return setLoaded({ kind: 'failed', message: bot.error.message });
      if (!draft.ok) return setLoaded({ kind: 'failed', message: draft.error.message });
      loadIntoEditor({ botId, flow: draft.value.flow, revision: draft.value.revision, problems: draft.value.problems, catalog: catalog.value });
      autosave.current = startAutosave(editorStore, api);
      stopValidation = startLiveValidation(editorStore, api);
      setLoaded({ kind: 'ready', bot: bot.value });
    })();
    const warn = (event: BeforeUnloadEvent) => {
      const state = editorStore.getState();
      if (state.version !== state.savedVersion) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      cancelled = true;
      window.removeEventListener('beforeunload', warn);
      stopValidation?.();
      const saver = autosave.current;
      autosave.current = null;
      // Leaving the editor saves what is left, then stops.
      if (saver) void saver.flush().finally(() => saver.stop());
    };
  }, [botId]);
  return [loaded, autosave, (bot) => setLoaded({ kind: 'ready', bot })];
}

function Editor({ bot, autosave, onBotChanged }: { bot: api.Bot; autosave: React.RefObject<Autosave | null>; onBotChanged: (bot: api.Bot) => void }) {
  const flow = useReactFlow();
  const searchRef = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [tab, setTab] = useState<SideTab>('inspect');
  const [error, setError] = useState('');

  const actions = {
    undo: () => editorStore.getState().undo(),
    redo: () => editorStore.getState().redo(),
    deleteSelection: () => editorStore.getState().deleteSelection(),
    selectAll: () => editorStore.getState().selectAll(),
    deselect: () => editorStore.getState().select([]),
    duplicate: () => editorStore.getState().duplicateSelection(),
    search: () => searchRef.current?.focus(),
    save: () => void autosave.current?.flush(),
    fit: () => void flow.fitView({ duration: 300, maxZoom: 1, padding: 0.15 }),
    async layout() {
      const { nodes, edges, moveNodes } = editorStore.getState();
      moveNodes(await autoLayout(nodes, edges));
      window.requestAnimationFrame(() => void flow.fitView({ duration: 300, maxZoom: 1, padding: 0.15 }));
    },
    help: () => setDialog('help'),
  };
  useShortcuts(actions);

  async function exportFile() {
    // The file is the saved draft: save first so it is what is on screen.
    await autosave.current?.flush();
    const done = await downloadFlow(bot.id);
    setError(done.ok ? '' : done.error.message);
  }

  return (
    <div className="editor">
      <EditorBar
        bot={bot}
        searchRef={searchRef}
        actions={{
          layout: () => void actions.layout(),
          fit: actions.fit,
          help: actions.help,
          toggleProblems: () => setShowProblems((shown) => !shown),
          openJson: () => setDialog('json'),
          importFile: () => setDialog('import'),
          exportFile: () => void exportFile(),
          publish: () => setDialog('publish'),
        }}
      />
      <ConflictBanner />
      <Alert>{error}</Alert>
      <div className="editor-body">
        <Palette />
        <Canvas />
        <SidePanel bot={bot} tab={tab} onTab={setTab} autosave={autosave} onBotChanged={onBotChanged} />
      </div>
      {showProblems && <ProblemsPanel onClose={() => setShowProblems(false)} />}
      {dialog === 'help' && <ShortcutsDialog shortcuts={shortcutList(actions)} onClose={() => setDialog(null)} />}
      {dialog === 'json' && <FlowJsonDialog onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportDialog bot={bot} onClose={() => setDialog(null)} />}
      {dialog === 'publish' && (
        <PublishDialog
          bot={bot}
          autosave={autosave}
          onPublished={(next) => {
            onBotChanged(next);
            setTab('versions');
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}

export function EditorPage({ botId }: { botId: string }) {
  const [loaded, autosave, setBot] = useDraft(botId);
  if (loaded.kind === 'loading') return <main className="splash" aria-busy="true">Opening the bot…</main>;
  if (loaded.kind === 'failed')
    return (
      <main className="page">
        <h1>This bot cannot be opened</h1>
        <Alert>{loaded.message}</Alert>
        <p>
          <a href="/">Back to your bots</a>
        </p>
      </main>
    );
  return (
    <ReactFlowProvider>
      <Editor bot={loaded.bot} autosave={autosave} onBotChanged={setBot} />
    </ReactFlowProvider>
  );
}
