import { useState } from 'react';
import { type BotSummary, listBots } from './api';
import { Chat } from './Chat';

/** A minimal start page until the visual editor lands: sign in with the admin token, pick a bot, chat with it. */
export function App() {
  const [token, setToken] = useState(() => localStorage.getItem('parley.token') ?? '');
  const [bots, setBots] = useState<BotSummary[] | null>(null);
  const [error, setError] = useState('');
  const [botId, setBotId] = useState<string | null>(null);

  async function load(event: React.FormEvent) {
    event.preventDefault();
    const result = await listBots(token);
    if (!result.ok) return setError(result.error);
    localStorage.setItem('parley.token', token);
    setError('');
    setBots(result.bots);
  }

  return (
    <main>
      <header>
        <h1>Parley</h1>
        <p>Bot flows for every messaging app.</p>
      </header>
      <form onSubmit={load} className="token">
        <label>
          Admin token <input type="password" value={token} onChange={(e) => setToken(e.target.value)} placeholder="printed at the first start" />
        </label>
        <button type="submit">Show bots</button>
        {error && <p role="alert">{error}</p>}
      </form>
      {bots && (
        <section className="layout">
          <ul className="bots" aria-label="Bots">
            {bots.length === 0 && <li>No bots yet: create one through the API (POST /api/bots).</li>}
            {bots.map((bot) => (
              <li key={bot.id}>
                <button type="button" aria-pressed={bot.id === botId} onClick={() => setBotId(bot.id)}>
                  <strong>{bot.name}</strong>
                  <small>{bot.id}</small>
                </button>
              </li>
            ))}
          </ul>
          {botId ? <Chat key={botId} botId={botId} /> : <p className="hint">Pick a bot to try its published flow.</p>}
        </section>
      )}
    </main>
  );
}
