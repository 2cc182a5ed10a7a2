import { type KeyboardEvent, type RefObject, useEffect } from 'react';
import type { Bot } from '../api/bots';
import { TestChat } from '../chat/TestChat';
import { Inspector } from '../inspector/Inspector';
import type { Autosave } from '../store/autosave';
import { useEditor } from '../store/use-editor';
import { VersionsPanel } from '../versions/VersionsPanel';

export type SideTab = 'inspect' | 'test' | 'versions';
const TABS: { id: SideTab; label: string }[] = [
  { id: 'inspect', label: 'Inspector' },
  { id: 'test', label: 'Test chat' },
  { id: 'versions', label: 'Versions' },
];

/**
 * The panel beside the canvas. The test chat stays mounted when hidden, so a conversation
 * survives a look at the inspector.
 */
export function SidePanel({ bot, tab, onTab, autosave, onBotChanged }: { bot: Bot; tab: SideTab; onTab(tab: SideTab): void; autosave: RefObject<Autosave | null>; onBotChanged(bot: Bot): void }) {
  const selected = useEditor((s) => s.nodes.find((n) => n.selected)?.id);
  useEffect(() => {
    if (selected && tab === 'versions') onTab('inspect');
    // Only a new selection switches the tab.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected]);

  function onKeyDown(event: KeyboardEvent) {
    const at = TABS.findIndex((t) => t.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = TABS[(at + step + TABS.length) % TABS.length];
    if (next) {
      onTab(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
    }
  }

  return (
    <aside className="side">
      <div role="tablist" aria-label="Panels" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button key={t.id} id={`tab-${t.id}`} type="button" role="tab" aria-selected={tab === t.id} aria-controls={`panel-${t.id}`} tabIndex={tab === t.id ? 0 : -1} onClick={() => onTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div id="panel-inspect" role="tabpanel" aria-labelledby="tab-inspect" hidden={tab !== 'inspect'} className="panel">
        {tab === 'inspect' && <Inspector />}
      </div>
      <div id="panel-test" role="tabpanel" aria-labelledby="tab-test" hidden={tab !== 'test'} className="panel">
        <TestChat bot={bot} />
      </div>
      <div id="panel-versions" role="tabpanel" aria-labelledby="tab-versions" hidden={tab !== 'versions'} className="panel">
        {tab === 'versions' && <VersionsPanel bot={bot} autosave={autosave} onBotChanged={onBotChanged} />}
      </div>
    </aside>
  );
}
