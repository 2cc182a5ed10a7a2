import { useState } from 'react';
import { type Bot, updateBot } from '../api/bots';
import { Alert } from '../components/Alert';
import { Link } from '../components/Link';
import { catalogPath } from '../router';

/**
 * Where the bot's catalog comes from: its own, or another bot's (one catalog and one stock for
 * both). Only a bot with a catalog of its own can be shared, and a bot others sell from keeps its own.
 */
export function SharedCatalog({ bot, bots, onChanged }: { bot: Bot; bots: readonly Bot[]; onChanged(bot: Bot): void }) {
  const [choice, setChoice] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const owner = bot.catalogBotId === null ? undefined : bots.find((other) => other.id === bot.catalogBotId);
  const sharers = bots.filter((other) => other.catalogBotId === bot.id);
  const candidates = bots.filter((other) => other.id !== bot.id && other.catalogBotId === null && other.id !== bot.catalogBotId);

  async function change(catalogBotId: string | null) {
    setBusy(true);
    const answer = await updateBot(bot.id, { catalogBotId });
    setBusy(false);
    if (!answer.ok) return setError(answer.error.message);
    setError('');
    setChoice('');
    onChanged(answer.value);
  }

  const chooser = (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (choice) void change(choice);
      }}
    >
      <label>
        {bot.catalogBotId === null ? "Sell from another bot's catalog" : 'Sell from another catalog'}
        <select value={choice} onChange={(e) => setChoice(e.target.value)} disabled={sharers.length > 0}>
          <option value="">Choose a bot…</option>
          {candidates.map((other) => (
            <option key={other.id} value={other.id}>
              {other.name} ({other.id})
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!choice || busy}>
        Share its catalog
      </button>
    </form>
  );

  if (bot.catalogBotId !== null)
    return (
      <section className="catalog-source shared" aria-label="Catalog source">
        <p>
          <strong>This bot sells from the catalog of </strong>
          <Link href={catalogPath(bot.catalogBotId)}>{owner ? owner.name : bot.catalogBotId}</Link>, with one stock for both. The products below are read-only here: change them in{' '}
          <Link href={catalogPath(bot.catalogBotId)}>that bot's catalog</Link>. Orders stay with this bot.
        </p>
        <div className="actions">
          <button type="button" onClick={() => void change(null)} disabled={busy}>
            Use this bot's own catalog
          </button>
        </div>
        {chooser}
        <Alert>{error}</Alert>
      </section>
    );
  return (
    <details className="catalog-source" open={sharers.length > 0 || error !== ''}>
      <summary>{sharers.length > 0 ? `Shared with ${sharers.map((other) => other.name).join(', ')}` : 'Share a catalog between bots'}</summary>
      {sharers.length > 0 ? (
        <p>
          {sharers.map((other, index) => (
            <span key={other.id}>
              {index > 0 && ', '}
              <Link href={catalogPath(other.id)}>{other.name}</Link>
            </span>
          ))}{' '}
          {sharers.length === 1 ? 'sells' : 'sell'} from this catalog: their sales come out of this stock. A catalog others use stays this bot's own.
        </p>
      ) : (
        <p className="hint">Two bots can sell from one catalog and one stock (a brand's web chat and its LINE account, say). This bot's own catalog is kept meanwhile.</p>
      )}
      {sharers.length === 0 && chooser}
      <Alert>{error}</Alert>
    </details>
  );
}
