import { useCallback, useEffect, useState } from 'react';
import { type Bot, deleteBot, listBots } from '../api/bots';
import { Alert } from '../components/Alert';
import { ConfirmDialog } from '../components/Dialog';
import { Link } from '../components/Link';
import { botPath, catalogPath, faqPath, navigate, ordersPath } from '../router';
import { NewBotDialog } from './bots/NewBotDialog';
import { RenameDialog } from './bots/RenameDialog';
import { copyBot, downloadFlow } from './bots/bot-files';

type Open = { dialog: 'new'; start: 'blank' | 'file' } | { dialog: 'rename'; bot: Bot } | { dialog: 'delete'; bot: Bot } | null;

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function BotsPage() {
  const [bots, setBots] = useState<Bot[] | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [open, setOpen] = useState<Open>(null);

  const load = useCallback(async () => {
    const answer = await listBots();
    if (answer.ok) setBots(answer.value.bots);
    else setError(answer.error.status === 403 ? 'Your role does not build bots: an administrator can give you the editor role.' : answer.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function duplicate(bot: Bot) {
    setNotice('');
    const copied = await copyBot(bot, `${bot.name} (copy)`);
    if (!copied.ok) return setError(copied.error.message);
    setNotice(`Created "${copied.value.name}".`);
    await load();
  }

  async function exportBot(bot: Bot) {
    const done = await downloadFlow(bot.id);
    if (!done.ok) setError(done.error.message);
  }

  async function remove(bot: Bot) {
    const answer = await deleteBot(bot.id);
    if (!answer.ok) return setError(answer.error.message);
    setNotice(`Deleted "${bot.name}".`);
    await load();
  }

  return (
    <section className="page">
      <header className="page-head">
        <h1>Bots</h1>
        <div className="actions">
          <button type="button" onClick={() => setOpen({ dialog: 'new', start: 'file' })}>
            Import a flow file
          </button>
          <button type="button" className="primary" onClick={() => setOpen({ dialog: 'new', start: 'blank' })}>
            New bot
          </button>
        </div>
      </header>
      <Alert>{error}</Alert>
      <Alert tone="success">{notice}</Alert>
      {bots === null && !error && <p aria-busy="true">Loading bots…</p>}
      {bots?.length === 0 && (
        <div className="empty">
          <h2>No bots yet</h2>
          <p>A bot is a conversation you draw: messages, questions, product cards, payments. Start with a blank flow, or import a flow file someone shared with you.</p>
          <button type="button" className="primary" onClick={() => setOpen({ dialog: 'new', start: 'blank' })}>
            Create your first bot
          </button>
        </div>
      )}
      {bots && bots.length > 0 && (
        <ul className="bot-list" aria-label="Bots">
          {bots.map((bot) => (
            <li key={bot.id} className="bot-card">
              <div className="bot-main">
                <h2>
                  <Link href={botPath(bot.id)}>{bot.name}</Link>
                </h2>
                {bot.description && <p>{bot.description}</p>}
                <p className="meta">
                  <code>{bot.id}</code> · {bot.publishedVersion === null ? <span className="badge">Not published</span> : <span className="badge live">Live: version {bot.publishedVersion}</span>} · edited {when(bot.updatedAt)}
                </p>
              </div>
              <div className="bot-actions" role="group" aria-label={`${bot.name} actions`}>
                <button type="button" className="primary" onClick={() => navigate(botPath(bot.id))}>
                  Open
                </button>
                <Link className="button-link" href={catalogPath(bot.id)} aria-label={`${bot.name} catalog`}>
                  Catalog
                </Link>
                <Link className="button-link" href={ordersPath(bot.id)} aria-label={`${bot.name} orders`}>
                  Orders
                </Link>
                <Link className="button-link" href={faqPath(bot.id)} aria-label={`${bot.name} FAQ`}>
                  FAQ
                </Link>
                <button type="button" onClick={() => setOpen({ dialog: 'rename', bot })}>
                  Rename
                </button>
                <button type="button" onClick={() => void duplicate(bot)}>
                  Duplicate
                </button>
                <button type="button" onClick={() => void exportBot(bot)}>
                  Export
                </button>
                <button type="button" className="danger" onClick={() => setOpen({ dialog: 'delete', bot })}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {open?.dialog === 'new' && <NewBotDialog bots={bots ?? []} initial={open.start} onClose={() => setOpen(null)} />}
      {open?.dialog === 'rename' && <RenameDialog bot={open.bot} onDone={() => void load()} onClose={() => setOpen(null)} />}
      {open?.dialog === 'delete' && (
        <ConfirmDialog
          title={`Delete ${open.bot.name}?`}
          message={<p>This deletes the bot with its versions, products and every conversation it had. It cannot be undone; export its flow first if you may want it back.</p>}
          confirm="Delete the bot"
          danger
          onConfirm={() => void remove(open.bot)}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
