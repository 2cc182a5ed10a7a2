import type { Flow } from '@parley/shared';
import { type RefObject, useCallback, useEffect, useState } from 'react';
import { type Bot, type Version, getBot, getDraft, getVersion, listVersions, rollback, saveDraft } from '../api/bots';
import { Alert } from '../components/Alert';
import type { Autosave } from '../store/autosave';
import { editorStore } from '../store/use-editor';
import { loadIntoEditor } from '../canvas/geometry';
import { ChangeSummary } from './ChangeSummary';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Flows of versions, fetched once: versions never change. */
const flowCache = new Map<string, Flow>();
async function versionFlow(botId: string, version: number): Promise<Flow | string> {
  const key = `${botId}@${version}`;
  const cached = flowCache.get(key);
  if (cached) return cached;
  const answer = await getVersion(botId, version);
  if (!answer.ok) return answer.error.message;
  flowCache.set(key, answer.value.flow);
  return answer.value.flow;
}

/** A version's changes from the one before it, loaded when asked for. */
function VersionChanges({ botId, version, previous }: { botId: string; version: number; previous: number | undefined }) {
  const [flows, setFlows] = useState<{ before: Flow; after: Flow } | { error: string } | null>(null);
  useEffect(() => {
    void (async () => {
      const after = await versionFlow(botId, version);
      if (typeof after === 'string') return setFlows({ error: after });
      // The first version is all new.
      const before = previous === undefined ? { ...after, nodes: [], edges: [] } : await versionFlow(botId, previous);
      if (typeof before === 'string') return setFlows({ error: before });
      setFlows({ before, after });
    })();
  }, [botId, version, previous]);
  if (!flows) return <p aria-busy="true">Comparing…</p>;
  if ('error' in flows) return <Alert>{flows.error}</Alert>;
  return <ChangeSummary before={flows.before} after={flows.after} />;
}

/** The draft on screen against the live version: what publishing would change. */
function DraftChanges({ botId, live }: { botId: string; live: number }) {
  const [liveFlow, setLiveFlow] = useState<Flow | string | null>(null);
  useEffect(() => {
    void versionFlow(botId, live).then(setLiveFlow);
  }, [botId, live]);
  if (liveFlow === null) return <p aria-busy="true">Comparing…</p>;
  if (typeof liveFlow === 'string') return <Alert>{liveFlow}</Alert>;
  return <ChangeSummary before={liveFlow} after={editorStore.getState().flow()} />;
}

/**
 * Published versions, newest first: who, when, the note, what changed. Rolling back publishes
 * that version again as a new one and makes it the draft; the draft it replaced can be restored.
 */
export function VersionsPanel({ bot, autosave, onBotChanged }: { bot: Bot; autosave: RefObject<Autosave | null>; onBotChanged(bot: Bot): void }) {
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [open, setOpen] = useState<number | 'draft' | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState<{ text: string; previousDraft?: Flow } | null>(null);

  const load = useCallback(async () => {
    const answer = await listVersions(bot.id);
    if (answer.ok) setVersions(answer.value.versions);
    else setError(answer.error.message);
  }, [bot.id]);
  useEffect(() => {
    void load();
  }, [load, bot.publishedVersionId]);

  async function reloadDraft() {
    const draft = await getDraft(bot.id);
    if (!draft.ok) return setError(draft.error.message);
    const state = editorStore.getState();
    loadIntoEditor({ botId: bot.id, flow: draft.value.flow, revision: draft.value.revision, problems: draft.value.problems, catalog: state.catalog });
    const fresh = await getBot(bot.id);
    if (fresh.ok) onBotChanged(fresh.value);
  }

  async function rollBack(version: number) {
    setError('');
    // What is on screen is saved first, so the draft the rollback replaces can be brought back.
    await autosave.current?.flush();
    const previousDraft = editorStore.getState().flow();
    const answer = await rollback(bot.id, version);
    if (!answer.ok) return setError(answer.error.message);
    await reloadDraft();
    await load();
    setNotice({ text: `Rolled back: version ${version} is live again, as version ${answer.value.version}, and it is now the draft.`, previousDraft });
  }

  async function restoreDraft(flow: Flow) {
    const state = editorStore.getState();
    const answer = await saveDraft(bot.id, flow, state.revision);
    if (!answer.ok) return setError(answer.error.message);
    await reloadDraft();
    setNotice({ text: 'Your previous draft is back (not published).' });
  }

  const live = versions?.find((v) => v.published);
  return (
    <section className="versions" aria-label="Versions">
      <Alert>{error}</Alert>
      {notice && (
        <div className="alert success" role="status">
          <p>{notice.text}</p>
          {notice.previousDraft && (
            <button type="button" onClick={() => notice.previousDraft && void restoreDraft(notice.previousDraft)}>
              Restore my previous draft
            </button>
          )}
        </div>
      )}
      {versions === null && !error && <p aria-busy="true">Loading versions…</p>}
      {versions?.length === 0 && <p className="empty-line">Nothing published yet. When the flow has no errors, press Publish to make it live on every channel.</p>}
      {live && (
        <div className="draft-vs-live">
          <button type="button" className="link" aria-expanded={open === 'draft'} onClick={() => setOpen(open === 'draft' ? null : 'draft')}>
            What the draft changes from the live version
          </button>
          {open === 'draft' && <DraftChanges botId={bot.id} live={live.version} />}
        </div>
      )}
      <ol className="version-list">
        {versions?.map((version, i) => (
          <li key={version.id} className={version.published ? 'version live' : 'version'}>
            <div className="version-head">
              <strong>Version {version.version}</strong>
              {version.published && <span className="badge live">Live</span>}
            </div>
            <p className="meta">
              {when(version.createdAt)} · by {version.createdBy || 'unknown'}
            </p>
            {version.note && <p className="note">{version.note}</p>}
            <div className="version-actions">
              <button type="button" className="link" aria-expanded={open === version.version} onClick={() => setOpen(open === version.version ? null : version.version)}>
                What changed
              </button>
              {!version.published && (
                <button type="button" onClick={() => void rollBack(version.version)}>
                  Roll back to this
                </button>
              )}
            </div>
            {open === version.version && <VersionChanges botId={bot.id} version={version.version} previous={versions[i + 1]?.version} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
