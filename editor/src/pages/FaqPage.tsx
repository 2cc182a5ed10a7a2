import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { type Bot, getBot } from '../api/bots';
import { Alert } from '../components/Alert';
import { BotPageHead } from '../components/BotPageHead';
import { Link } from '../components/Link';
import { exportFaqCsv, getFaq, saveFaq } from '../faq/api';
import { filterEntries } from '../faq/entries';
import { createFaqStore } from '../faq/faq-store';
import { FaqTable } from '../faq/FaqTable';
import { FaqProblems, SaveStatus } from '../faq/FaqStatus';
import { ImportFaqDialog } from '../faq/ImportFaqDialog';
import { PublishFaq } from '../faq/PublishFaq';
import { UnansweredTab } from '../faq/UnansweredTab';
import { saveFile } from './bots/bot-files';
import '../styles/commerce.css';
import '../faq/faq.css';

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; bot: Bot };

/** A bot's FAQ: the table its FAQ nodes answer from, edited into the draft and put live with Publish. */
export function FaqPage({ botId }: { botId: string }) {
  const store = useMemo(() => createFaqStore((faq, revision) => saveFaq(botId, faq, revision)), [botId]);
  const entries = useStore(store, (s) => s.entries);
  const focus = useStore(store, (s) => s.focus);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [tab, setTab] = useState<'entries' | 'unanswered'>('entries');
  const [query, setQuery] = useState('');
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  async function reload() {
    const [bot, faq] = await Promise.all([getBot(botId), getFaq(botId)]);
    if (!bot.ok) return setLoaded({ kind: 'failed', message: bot.error.message });
    if (!faq.ok) return setLoaded({ kind: 'failed', message: faq.error.message });
    store.getState().load(faq.value);
    setLoaded({ kind: 'ready', bot: bot.value });
  }
  useEffect(() => {
    void reload();
    // Leaving the page saves what is still waiting.
    return () => void store.getState().flush();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);

  const shown = useMemo(() => filterEntries(entries, query), [entries, query]);
  const actions = useMemo(() => ({ update: store.getState().update, remove: store.getState().remove }), [store]);

  if (loaded.kind === 'loading') return <p className="page" aria-busy="true">Loading the FAQ…</p>;
  if (loaded.kind === 'failed')
    return (
      <section className="page">
        <h1>This FAQ cannot be opened</h1>
        <Alert>{loaded.message}</Alert>
        <p>
          <Link href="/">Back to your bots</Link>
        </p>
      </section>
    );
  const { bot } = loaded;

  async function download() {
    if (!(await store.getState().flush())) return setError('Save the FAQ first: see the message above the table.');
    const file = await exportFaqCsv(bot.id);
    if (!file.ok) return setError(file.error.message);
    saveFile(`${bot.id}-faq.csv`, file.value, 'text/csv');
  }

  async function openImport() {
    if (await store.getState().flush()) setImporting(true);
    else setError('Save the FAQ first: see the message above the table.');
  }

  function tell(text: string) {
    setError('');
    setNotice(text);
  }
  function warn(text: string) {
    setNotice('');
    setError(text);
  }

  function addEntry(init?: { question: string; alternatives: string[] }) {
    setQuery('');
    setTab('entries');
    store.getState().add(init);
  }

  return (
    <section className="page wide">
      <BotPageHead botId={bot.id} botName={bot.name} section="faq" title="FAQ">
        <button type="button" onClick={() => void download()}>
          Export CSV
        </button>
        <button type="button" onClick={() => void openImport()}>
          Import CSV
        </button>
        <PublishFaq bot={bot} store={store} onDone={tell} onError={warn} />
      </BotPageHead>
      <Alert>{error}</Alert>
      <Alert tone="success">{notice}</Alert>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'entries'} onClick={() => setTab('entries')}>
          Entries ({entries.length})
        </button>
        <button type="button" role="tab" aria-selected={tab === 'unanswered'} onClick={() => setTab('unanswered')}>
          Unanswered questions
        </button>
      </div>
      {tab === 'entries' ? (
        <>
          <div className="toolbar">
            <input type="search" aria-label="Search the FAQ" placeholder="Search questions, answers, tags…" value={query} onChange={(e) => setQuery(e.target.value)} />
            <button type="button" className="primary" onClick={() => addEntry()}>
              Add entry
            </button>
            <SaveStatus store={store} onReload={() => void reload()} />
          </div>
          <FaqProblems store={store} />
          <FaqTable entries={shown} focus={focus} actions={actions} />
        </>
      ) : (
        <UnansweredTab botId={bot.id} onAdd={addEntry} onError={setError} />
      )}
      {importing && (
        <ImportFaqDialog
          botId={bot.id}
          revision={store.getState().revision}
          onClose={() => setImporting(false)}
          onImported={(summary) => {
            setImporting(false);
            setNotice(summary);
            void reload();
          }}
        />
      )}
    </section>
  );
}
