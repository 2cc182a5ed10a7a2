import type { RefObject } from 'react';
import type { Bot } from '../api/bots';
import { SearchNodes } from '../canvas/SearchNodes';
import { BotNav } from '../components/BotNav';
import { Link } from '../components/Link';
import { useEditor } from '../store/use-editor';
import { SaveIndicator } from './SaveIndicator';

export interface BarActions {
  layout(): void;
  fit(): void;
  help(): void;
  toggleProblems(): void;
  openJson(): void;
  importFile(): void;
  exportFile(): void;
  publish(): void;
}

/** The editor's top bar: where you are, save state, edit tools, and publishing. */
export function EditorBar({ bot, searchRef, actions }: { bot: Bot; searchRef: RefObject<HTMLInputElement | null>; actions: BarActions }) {
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const undo = useEditor((s) => s.undo);
  const redo = useEditor((s) => s.redo);
  const errors = useEditor((s) => s.problems.filter((p) => p.severity === 'error').length);
  const warnings = useEditor((s) => s.problems.length) - errors;
  const conflict = useEditor((s) => s.save.kind === 'conflict');
  return (
    <header className="editor-bar">
      <div className="bar-group">
        <Link href="/" className="back" aria-label="Back to bots">
          ← Bots
        </Link>
        <h1 className="bot-name" title={bot.id}>
          {bot.name}
        </h1>
        <SaveIndicator />
        <BotNav botId={bot.id} current="flow" />
      </div>
      <div className="bar-group tools" role="toolbar" aria-label="Edit">
        <button type="button" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <button type="button" onClick={actions.layout} title="Arrange the steps (Shift+L)">
          Arrange
        </button>
        <button type="button" onClick={actions.fit} title="Zoom to fit (F)">
          Fit
        </button>
        <SearchNodes ref={searchRef} />
        <button type="button" onClick={actions.openJson} title="The whole flow as JSON">
          JSON
        </button>
        <button type="button" onClick={actions.importFile} title="Replace the draft with a flow file">
          Import
        </button>
        <button type="button" onClick={actions.exportFile} title="Download the draft as a flow file">
          Export
        </button>
        <button type="button" className="icon" onClick={actions.help} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
      </div>
      <div className="bar-group">
        <button type="button" className={errors > 0 ? 'problems-toggle has-errors' : 'problems-toggle'} onClick={actions.toggleProblems} aria-label={`Problems: ${errors} errors, ${warnings} warnings`}>
          {errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : 'No errors'}
          {warnings > 0 && ` · ${warnings} warning${warnings === 1 ? '' : 's'}`}
        </button>
        <button
          type="button"
          className="primary"
          onClick={actions.publish}
          disabled={errors > 0 || conflict}
          title={errors > 0 ? `Fix the ${errors} error${errors === 1 ? '' : 's'} first` : conflict ? 'Resolve the conflict first' : 'Make this draft live'}
        >
          Publish
        </button>
      </div>
    </header>
  );
}
